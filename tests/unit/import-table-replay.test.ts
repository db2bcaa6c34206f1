import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSegment } from '../../core/import/import-segment';
import { RowAssembler } from '../../core/import/row-assembler';
import { createDecoder } from '../../core/import/text-decoding';
import type { SnapshotManifest, SnapshotRow } from '../../core/segments/snapshot-format';
import { readSnapshotRows } from '../../core/segments/snapshot-store';
import { corpusCases, integrityCases } from '../support/corpus/segment-corpus';

/**
 * A format 2 snapshot is read again from its copy of the text (core/import/table-replay.ts). Its
 * rows must be exactly those the import's checks kept: here the import's own row assembler, given
 * the whole copy in one parse, is the yardstick for the replay, which reads it a slice at a time.
 */

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'courier-replay-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function collect(rows: AsyncIterable<SnapshotRow>): Promise<SnapshotRow[]> {
  const all: SnapshotRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

/** The rows the import's assembler keeps from the whole text at once. */
function assembledRows(manifest: SnapshotManifest, bytes: Buffer): SnapshotRow[] {
  const table = manifest.table;
  if (!table) throw new Error('An import writes format 2.');
  const text = createDecoder(manifest.format.encoding, true).decode(bytes);
  const breakChar = table.newline === '\r' ? '\r' : '\n';
  const parsed = Papa.parse<string[]>(text, {
    delimiter: manifest.format.delimiter,
    newline: breakChar,
  });
  const kept: SnapshotRow[] = [];
  const assembler = new RowAssembler((rows) => kept.push(...rows), {
    fileName: 'replay.csv',
    newline: table.newline,
    delimiter: manifest.format.delimiter,
    header: table.header ? 'present' : 'absent',
    skipRows: table.skipRows,
  });
  assembler.push(parsed.data);
  assembler.finish();
  return kept;
}

async function importBytes(fileName: string, bytes: Buffer) {
  const sourcePath = path.join(folder, fileName);
  await writeFile(sourcePath, bytes);
  const dataFolder = await mkdtemp(path.join(folder, 'data-'));
  const { manifest } = await importSegment({
    sourcePath,
    dataFolder,
    segmentId: 'seg',
    now: () => new Date('2026-03-01T10:00:00Z'),
  });
  const copy = await readFile(path.join(dataFolder, 'segments', 'seg', 'table.txt'));
  const replayed = await collect(readSnapshotRows(dataFolder, 'seg'));
  return { manifest, copy, replayed };
}

const textCases = [
  {
    name: 'Excel’s sep= hint before the header',
    fileName: 'sep.csv',
    text: 'sep=;\r\nEmail;Nom\r\nanna@exemple.cat;Anna\r\n\r\njoan@exemple.cat;"Joan\r\nPere"\r\n',
  },
  {
    name: 'no header row, CR line ends, a ragged row',
    fileName: 'old-mac.csv',
    text: 'anna@exemple.cat,Anna\rjoan@exemple.cat,Joan,de més\r\r  \rpere@exemple.cat,Pere',
  },
  {
    name: 'blank lines before the header and rows of empty values',
    fileName: 'blank-start.csv',
    text: '\n\nEmail,Nom\n,\nanna@exemple.cat,\n ,  \n',
  },
];

describe('reading a snapshot again from its copy of the text', () => {
  it.each([...corpusCases, ...integrityCases])('$name', async ({ fileName, bytes }) => {
    const { manifest, copy, replayed } = await importBytes(fileName, bytes());
    expect(copy.equals(bytes())).toBe(true);
    expect(manifest.table?.bytes).toBe(copy.length);
    expect(replayed).toEqual(assembledRows(manifest, copy));
    expect(replayed).toHaveLength(manifest.rowCount);
  });

  it.each(textCases)('$name', async ({ fileName, text }) => {
    const { manifest, replayed } = await importBytes(fileName, Buffer.from(text));
    expect(replayed).toEqual(assembledRows(manifest, Buffer.from(text)));
    expect(replayed).toHaveLength(manifest.rowCount);
    expect(replayed.length).toBeGreaterThan(0);
  });

  it('numbers rows by the lines they start on and keeps only whole ones', async () => {
    const { replayed, manifest } = await importBytes(
      'sep-lines.csv',
      Buffer.from(textCases[0]?.text ?? ''),
    );
    expect(manifest.table).toMatchObject({ skipRows: 1, header: true, newline: '\r\n' });
    expect(replayed).toEqual([
      { line: 3, cells: ['anna@exemple.cat', 'Anna'] },
      { line: 5, cells: ['joan@exemple.cat', 'Joan\r\nPere'] },
    ]);
    const headerless = await importBytes('no-header.csv', Buffer.from(textCases[1]?.text ?? ''));
    expect(headerless.manifest.table).toMatchObject({ header: false, newline: '\r' });
    expect(headerless.replayed).toEqual([
      { line: 1, cells: ['anna@exemple.cat', 'Anna'] },
      { line: 5, cells: ['pere@exemple.cat', 'Pere'] },
    ]);
  });
});
