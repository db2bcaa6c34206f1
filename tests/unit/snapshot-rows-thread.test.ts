import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importSegment } from '../../core/import/import-segment';
import { readSnapshotRows } from '../../core/segments/snapshot-store';
import { createSnapshotWriter } from '../../core/segments/snapshot-writer';
import type { ImportReport } from '../../shared/segments/import-report';

// The snapshot's rows are written by a thread of their own (core/segments/snapshot-rows-thread.ts).
// Every thread started is recorded here, so a test can stop one half-way as a crash would.
const threads = vi.hoisted(() => [] as Worker[]);
vi.mock('node:worker_threads', async (importOriginal) => {
  const original = await importOriginal<typeof WorkerThreads>();
  class RecordedWorker extends original.Worker {
    constructor(...args: ConstructorParameters<typeof original.Worker>) {
      super(...args);
      threads.push(this);
    }
  }
  return { ...original, Worker: RecordedWorker };
});

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'courier-rows-thread-'));
  threads.length = 0;
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function segmentFile(rows: number): Promise<string> {
  const file = path.join(folder, 'clients.csv');
  const lines = ['Email,Nom,Ciutat'];
  for (let index = 0; index < rows; index += 1) {
    lines.push(`client${index}@exemple.cat,"Núria ""${index}""",Girona`);
  }
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

async function snapshotsLeft(dataFolder: string): Promise<string[]> {
  return readdir(path.join(dataFolder, 'segments')).catch(() => []);
}

const report: ImportReport = {
  counts: { rows: 1, valid: 1, invalid: 0, blank: 0, duplicates: 0, wrongFieldCount: 0 },
  problems: [],
  problemCount: 0,
  preview: [],
};

describe('the thread writing a snapshot’s rows', () => {
  it('stopping half-way fails the import, and nothing of the snapshot is left', async () => {
    // Past the rows written in line before the thread starts (snapshot-writer.ts).
    const sourcePath = await segmentFile(260_000);
    const dataFolder = path.join(folder, 'data');
    let stopped = false;
    const imported = importSegment({
      sourcePath,
      dataFolder,
      segmentId: 'seg-1',
      now: () => new Date(),
      onProgress: () => {
        const thread = threads[0];
        if (stopped || !thread) return;
        stopped = true;
        void thread.terminate();
      },
    });
    await expect(imported).rejects.toThrow('The thread writing the snapshot stopped');
    expect(stopped).toBe(true);
    expect(threads).toHaveLength(1);
    expect(await snapshotsLeft(dataFolder)).toEqual([]);
  });

  it('writes each row as JSON.stringify would, byte for byte', async () => {
    const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).slice(1);
    const rows = [
      { line: 2, cells: ['anna@exemple.cat', 'Anna "la gran"', 'C:\\dades\\', ''] },
      { line: 3, cells: [controls.join(''), '\u007f\u2028\u2029', 'Àngel Ñúñez 😀 東京'] },
      { line: 5, cells: [] },
      { line: 6, cells: ['', '', ''] },
      { line: 1_234_567, cells: Array.from({ length: 300 }, (_, index) => `c${index}`) },
    ];
    const dataFolder = path.join(folder, 'data');
    const writer = await createSnapshotWriter(dataFolder, 'seg-1');
    writer.write(rows.slice(0, 2));
    writer.write(rows.slice(2));
    await writer.commit({} as never, report);
    const written = await readFile(path.join(dataFolder, 'segments/seg-1/rows.jsonl'), 'utf8');
    expect(written).toBe(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
  });

  it('refuses a batch whose cells do not add up, and the discarded snapshot leaves nothing', async () => {
    const dataFolder = path.join(folder, 'data');
    const writer = await createSnapshotWriter(dataFolder, 'seg-1');
    expect(() => writer.write([{ line: 2, cells: ['anna@exemple.cat', 'An\u0000na'] }])).toThrow(
      'NUL character',
    );
    await writer.discard();
    expect(await snapshotsLeft(dataFolder)).toEqual([]);
  });

  for (const rows of [20_000, 240_000]) {
    it(`writes every row of ${rows} in order, after starting over in another encoding`, async () => {
      // Windows-1252 bytes after UTF-8-looking ones: the first pass stops, the rows start over
      // (in line, and with 240,000 rows in the thread).
      const sourcePath = path.join(folder, 'clients.csv');
      const lines = ['Email,Nom'];
      for (let index = 0; index < rows; index += 1) lines.push(`c${index}@exemple.cat,Joan`);
      const text = `${lines.join('\n')}\nlast@exemple.cat,Jos\xe9\n`;
      await writeFile(sourcePath, Buffer.from(text, 'latin1'));
      const dataFolder = path.join(folder, 'data');
      const { manifest } = await importSegment({
        sourcePath,
        dataFolder,
        segmentId: 'seg-1',
        now: () => new Date(),
      });
      expect(manifest.format.encoding).toBe('windows-1252');
      const read = [];
      for await (const row of readSnapshotRows(dataFolder, 'seg-1')) read.push(row);
      expect(read).toHaveLength(rows + 1);
      expect(read[0]).toEqual({ line: 2, cells: ['c0@exemple.cat', 'Joan'] });
      expect(read.at(-1)).toEqual({ line: rows + 2, cells: ['last@exemple.cat', 'José'] });
      expect(threads).toHaveLength(rows > 200_000 ? 1 : 0);
    });
  }
});
