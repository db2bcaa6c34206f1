import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Benchmark, Figure } from './benchmark';
import { bundleChild } from './import/bundled-child';
import { writeWorkbook, type CellSpec } from '../tests/support/shape-fixtures';

// Workbook import (issue 14 item 4): a generated 100,000-row .xlsx, imported to a snapshot, beside
// the baseline of the libraries the reader is built on (yauzl unpacking, saxes parsing the shared
// strings and the sheet), each in a fresh process so its time and peak memory are its own.

const root = path.resolve(import.meta.dirname, '..');

function rowsOf(count: number): CellSpec[][] {
  const rows: CellSpec[][] = [['Email', 'First name', 'Joined', 'Spent', 'Phone']];
  for (let index = 0; index < count; index += 1) {
    rows.push([
      `person${index}@example.com`,
      `Name ${index % 977}`,
      { number: 44000 + (index % 2000), style: 1 },
      { number: (index % 10_000) / 7, style: 2 },
      { number: 34600000000 + index },
    ]);
  }
  return rows;
}

/** Runs a bundled child; answers its wall time, rows and peak resident memory. */
async function runChild(script: string, args: string[]) {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`${path.basename(script)} exited with ${code}.`);
  const measured = JSON.parse(output) as { rows: number; maxRssMb: number };
  return { ...measured, ms: performance.now() - started };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export const workbookBenchmark: Benchmark = {
  name: 'workbook',
  description:
    '100k-row .xlsx: import time and peak memory against yauzl + saxes reading the same sheet',
  async run() {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'courier-bench-workbook-'));
    try {
      const file = path.join(folder, 'bench-100k.xlsx');
      await writeWorkbook(file, [{ name: 'Contacts', rows: rowsOf(100_000) }]);
      const importer = await bundleChild('workbook-import-child.ts');
      const baseline = await bundleChild('workbook-raw-child.ts');
      const imports = [];
      const raws = [];
      for (let round = 0; round < 3; round += 1) {
        raws.push(await runChild(baseline, [file]));
        const dataFolder = await mkdtemp(path.join(folder, 'data-'));
        imports.push(await runChild(importer, [file, dataFolder]));
        await rm(dataFolder, { recursive: true, force: true });
      }
      if (imports.some((run) => run.rows !== 100_000)) throw new Error('Rows went missing.');
      const importMs = median(imports.map((run) => run.ms));
      const rawMs = median(raws.map((run) => run.ms));
      const importMb = Math.max(...imports.map((run) => run.maxRssMb));
      const rawMb = Math.max(...raws.map((run) => run.maxRssMb));
      await rm(importer, { force: true });
      await rm(baseline, { force: true });
      return [
        { label: '100k-row workbook: yauzl + saxes read (median)', value: rawMs, unit: 'ms' },
        { label: '100k-row workbook: import to snapshot (median)', value: importMs, unit: 'ms' },
        { label: '100k-row workbook: import / library read', value: importMs / rawMs, unit: 'x' },
        { label: '100k-row workbook: library read peak memory', value: rawMb, unit: 'MB' },
        { label: '100k-row workbook: import peak memory', value: importMb, unit: 'MB' },
      ] satisfies Figure[];
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  },
};
