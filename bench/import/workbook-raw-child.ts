// Run alone in a child process by the workbook benchmark: the baseline, what the libraries the
// reader is built on do by themselves. yauzl unpacks the shared strings and the first sheet, saxes
// parses them with no work per element but counting rows. Prints rows and peak memory as JSON.
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { ownPeakRssMb } from './peak-rss';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: workbook-raw-child <file.xlsx>');

const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
  yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, opened) =>
    error ? reject(error) : resolve(opened),
  ),
);
const entries = new Map<string, yauzl.Entry>();
await new Promise<void>((resolve, reject) => {
  zip.on('entry', (entry: yauzl.Entry) => {
    entries.set(entry.fileName, entry);
    zip.readEntry();
  });
  zip.once('end', resolve);
  zip.once('error', reject);
  zip.readEntry();
});

let rows = 0;
for (const name of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']) {
  const entry = entries.get(name);
  if (!entry) continue;
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const parser = new SaxesParser();
  parser.on('closetag', (tag) => {
    if (tag.name === 'row') rows += 1;
  });
  parser.on('text', () => undefined);
  stream.setEncoding('utf8');
  for await (const chunk of stream) parser.write(chunk as string);
  parser.close();
}
zip.close();
const maxRssMb = ownPeakRssMb();
process.stdout.write(`${JSON.stringify({ rows, maxRssMb })}\n`);
