import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The snapshot's rows are written by a thread started from its function's source text
// (core/segments/snapshot-rows-thread.ts), so the thread must survive bundling: here the import is
// bundled as scripts/build-electron.mjs bundles main (CommonJS, for Node, every package inside),
// with and without esbuild keeping function names (which wraps functions in a helper), and run in
// a plain Node process.

const root = path.resolve(import.meta.dirname, '../..');
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'courier-import-bundled-'));
  const entry = path.join(folder, 'entry.ts');
  await writeFile(
    entry,
    [
      `import { importSegment } from ${JSON.stringify(path.join(root, 'core/import/import-segment'))};`,
      'const [sourcePath, dataFolder] = process.argv.slice(2);',
      "importSegment({ sourcePath, dataFolder, segmentId: 'seg-1', now: () => new Date() })",
      '  .then(({ manifest }) => console.log(JSON.stringify({ rows: manifest.rowCount })));',
    ].join('\n'),
  );
  const lines = ['Email;Nom'];
  for (let index = 0; index < 30_000; index += 1)
    lines.push(`c${index}@exemple.cat;"Àlex ""${index}"""`);
  await writeFile(path.join(folder, 'clients.csv'), `${lines.join('\n')}\n`);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the import, bundled as the app bundles main', () => {
  for (const keepNames of [false, true]) {
    it(`writes the snapshot's rows from its thread (keepNames ${keepNames})`, async () => {
      const outfile = path.join(folder, `import-${keepNames}.cjs`);
      await build({
        entryPoints: [path.join(folder, 'entry.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node22',
        keepNames,
        outfile,
        logLevel: 'silent',
      });
      const dataFolder = path.join(folder, `data-${keepNames}`);
      const { stdout } = await promisify(execFile)(process.execPath, [
        outfile,
        path.join(folder, 'clients.csv'),
        dataFolder,
      ]);
      expect(JSON.parse(stdout)).toEqual({ rows: 30_000 });
      const rows = (await readFile(path.join(dataFolder, 'segments/seg-1/rows.jsonl'), 'utf8'))
        .trimEnd()
        .split('\n');
      expect(rows).toHaveLength(30_000);
      expect(JSON.parse(rows[29_999] ?? '')).toEqual({
        line: 30_001,
        cells: ['c29999@exemple.cat', 'Àlex "29999"'],
      });
    });
  }
});
