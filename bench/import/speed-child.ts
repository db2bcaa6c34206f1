// Run alone in a child process by the import benchmark: times a raw papaparse parse, the read
// pass alone (every check, no snapshot) and the full import of one file, alternating round by
// round so a burst of load elsewhere hits all three alike, and prints the times (ms) as JSON.
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { importSegment } from '../../core/import/import-segment';
import { readSegmentFile } from '../../core/import/read-segment-file';
import { rawParse } from './raw-parse';

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const [file, folder, roundsText] = process.argv.slice(2);
if (!file || !folder || !roundsText) throw new Error('usage: speed-child <file> <folder> <rounds>');
await rawParse(file); // warm up papaparse and the file cache
const times = { raw: [] as number[], read: [] as number[], full: [] as number[] };
for (let round = 0; round < Number(roundsText); round += 1) {
  times.raw.push(await timed(() => rawParse(file)));
  times.read.push(await timed(() => readSegmentFile({ sourcePath: file })));
  const dataFolder = await mkdtemp(path.join(folder, 'data-'));
  times.full.push(
    await timed(() =>
      importSegment({ sourcePath: file, dataFolder, segmentId: 'bench', now: () => new Date() }),
    ),
  );
  await rm(dataFolder, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(times)}\n`);
