import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { workbookEntries, writeCdmFolder, writeZip } from '../support/shape-fixtures';
import { contacts, olderRun, people, useShapeFolders } from '../support/shape-reading';

const { at, read, failure, expectNothingImported } = useShapeFolders();

describe('gzip and zip', () => {
  const csv = 'Email;Nom\nnuria@example.com;Núria\npau@example.com;Pau\n';

  it('reads a .csv.gz as the CSV inside', async () => {
    const file = at('segment.csv.gz');
    await writeFile(file, gzipSync(Buffer.from(csv)));
    const segment = await read(file);
    expect(segment.shape).toEqual({ source: 'gzip' });
    expect(segment.format.delimiter).toBe(';');
    expect(segment.report.preview[0]).toEqual(['nuria@example.com', 'Núria']);
  });

  it('refuses a gzip that is not gzip, and a truncated one', async () => {
    const fake = at('fake.csv.gz');
    await writeFile(fake, csv);
    expect((await failure(fake)).message).toContain('could not be unpacked');
    await expectNothingImported(fake, 'gzip-damaged');
    const cut = at('cut.csv.gz');
    await writeFile(cut, gzipSync(Buffer.from(csv.repeat(100))).subarray(0, 40));
    expect((await failure(cut)).code).toBe('gzip-damaged');
  });

  it('reads a zip holding one segment file, or one export folder', async () => {
    const one = await writeZip(at('one.zip'), [
      { name: '__MACOSX/._segment.csv', data: 'x' },
      { name: 'segment.csv', data: csv },
    ]);
    expect((await read(one)).shape).toEqual({ source: 'zip' });
    expect((await read(one)).report.counts.rows).toBe(2);
    const book = await writeZip(at('book.zip'), [
      { name: 'list.xlsx', data: await zipBytes(workbookEntries([{ name: 'S', rows: people }])) },
    ]);
    expect((await read(book)).shape).toEqual({ source: 'zip', inner: 'xlsx', sheet: 'S' });
    const exportFolder = await writeCdmFolder(at('Zipped'), 'Zipped', [contacts], [olderRun]);
    const entries = await filesBelow(exportFolder);
    const packed = await writeZip(
      at('export.zip'),
      await Promise.all(
        entries.map(async (file) => ({
          name: `Zipped/${path.relative(exportFolder, file).split(path.sep).join('/')}`,
          data: await readFile(file),
        })),
      ),
    );
    const segment = await read(packed);
    expect(segment.shape).toMatchObject({ source: 'zip', inner: 'cdm', parts: 3 });
    expect(segment.report.counts.rows).toBe(4);
  });

  it('says when a zip holds no segment, or several', async () => {
    const none = await writeZip(at('none.zip'), [
      { name: 'photo.png', data: 'x' },
      { name: 'a.pdf', data: 'y' },
    ]);
    expect((await failure(none)).code).toBe('archive-no-segment');
    await expectNothingImported(none, 'archive-no-segment');
    const several = await writeZip(at('several.zip'), [
      { name: 'a.csv', data: csv },
      { name: 'b.csv', data: csv },
    ]);
    expect((await failure(several)).message).toContain(
      'several files that could be segments (a.csv, b.csv)',
    );
  });

  it('refuses a zip bomb before unpacking it', async () => {
    const bomb = await writeZip(at('bomb.zip'), [
      { name: 'segment.csv', data: Buffer.alloc(64 * 1024 ** 2) },
    ]);
    const refused = await failure(bomb);
    expect(refused.code).toBe('archive-too-large');
    expect(refused.message).toContain('would unpack to 64.0 MB from one small file');
    await expectNothingImported(bomb, 'archive-too-large');
    const many = await writeZip(
      at('many.zip'),
      Array.from({ length: 30 }, (_, index) => ({ name: `f${index}.txt`, data: 'x' })),
    );
    const limits = {
      maxEntries: 20,
      maxExpandedBytes: 1024 ** 3,
      maxRatio: 200,
      ratioFloorBytes: 1024 ** 2,
    };
    expect((await failure(many, { archiveLimits: limits })).message).toContain(
      'would unpack to 30 files',
    );
  });

  it('stops unpacking a gzip bomb', async () => {
    const file = at('bomb.csv.gz');
    await writeFile(file, gzipSync(Buffer.alloc(64 * 1024 ** 2)));
    const refused = await failure(file);
    expect(refused.code).toBe('archive-too-large');
    await expectNothingImported(file, 'archive-too-large');
  });
});

async function zipBytes(entries: Parameters<typeof writeZip>[1]): Promise<Buffer> {
  const file = at(`inner-${Math.random().toString(36).slice(2)}.zip`);
  await writeZip(file, entries);
  return readFile(file);
}

async function filesBelow(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
