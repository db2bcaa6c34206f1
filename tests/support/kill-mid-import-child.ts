/**
 * A child process for the kill tests (tests/integration/import-kill-orphans.test.ts): starts an
 * import the way the app or the command line does, prints one line saying where it is, and holds
 * still there so the parent's `kill -9` lands in the middle of the import, never after it.
 *
 *   tsx kill-mid-import-child.ts <dataFolder> <sourceFile> <drop|command-line|half-transfer>
 */
import { writeSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { importSegment } from '../../core/import/import-segment';
import { createSegmentLibrary } from '../../core/segments/segment-library';

const [dataFolder, sourceFile, way] = process.argv.slice(2) as [string, string, string];

/**
 * Says where it is, then blocks this process's only thread at once: nothing more is written, and
 * the kill arrives while the snapshot or the transferred copy is half done. The line goes out with a
 * synchronous write, so it is on its way before the block (an asynchronous one would let the
 * import run on until its callback). Rows already handed to the disk stay written.
 */
function holdStill(line: string): void {
  writeSync(process.stdout.fd, `${line}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

async function dropped(): Promise<void> {
  const bytes = await readFile(sourceFile);
  let reports = 0;
  const library = await createSegmentLibrary({
    dataFolder,
    onProgress: (progress) => {
      // The library reports after the first read and then every MiB: the second report comes
      // mid-file, with a MiB of rows handed to the snapshot.
      if (progress.phase !== 'reading') return;
      reports += 1;
      if (reports === 2) holdStill(`importing ${progress.importId}`);
    },
  });
  const begun = await library.beginTransfer(path.basename(sourceFile), bytes.length);
  if (!begun.ok) throw new Error(begun.error.message);
  await library.appendTransfer(begun.transferId, 0, bytes.toString('base64'));
  await library.endTransfer(begun.transferId);
}

async function halfTransferred(): Promise<void> {
  const bytes = await readFile(sourceFile);
  const library = await createSegmentLibrary({ dataFolder });
  const begun = await library.beginTransfer(path.basename(sourceFile), bytes.length);
  if (!begun.ok) throw new Error(begun.error.message);
  const half = bytes.subarray(0, Math.floor(bytes.length / 2));
  await library.appendTransfer(begun.transferId, 0, half.toString('base64'));
  holdStill(`transferring ${begun.transferId}`);
}

async function commandLine(): Promise<void> {
  let held = false;
  await importSegment({
    sourcePath: sourceFile,
    dataFolder,
    segmentId: 'cli-killed',
    now: () => new Date(),
    onProgress: ({ rows }) => {
      if (held || rows < 5_000) return;
      held = true;
      holdStill('importing cli-killed');
    },
  });
}

const ways: Record<string, () => Promise<void>> = {
  drop: dropped,
  'command-line': commandLine,
  'half-transfer': halfTransferred,
};

const run = ways[way];
if (!run) throw new Error(`unknown way: ${way}`);
// Electron makes the app's data folder before anything runs; so does this stand-in.
await mkdir(dataFolder, { recursive: true });
await run();
// Reaching this line means the import finished before the kill: the parent's test then fails.
writeSync(process.stdout.fd, 'finished\n');
