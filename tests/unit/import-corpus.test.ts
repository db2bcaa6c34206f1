import { mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../core/import/import-error';
import { importSegment } from '../../core/import/import-segment';
import { readSegmentFile } from '../../core/import/read-segment-file';
import { readSnapshotRows } from '../../core/segments/snapshot-store';
import type { SnapshotRow } from '../../core/segments/snapshot-format';
import { autoMatch } from '../../shared/matching/auto-match';
import {
  brokenCases,
  corpusCases,
  integrityBrokenCases,
  integrityCases,
} from '../support/corpus/segment-corpus';
import { useTempFolder } from '../support/temp-folder';

const readableCases = [...corpusCases, ...integrityCases];
const refusedCases = [...brokenCases, ...integrityBrokenCases];

const folder = useTempFolder('courier-corpus-', { per: 'file' });

async function writeCase(fileName: string, bytes: Buffer): Promise<string> {
  const target = path.join(folder(), fileName);
  await writeFile(target, bytes);
  return target;
}

async function collect(rows: AsyncIterable<SnapshotRow>): Promise<SnapshotRow[]> {
  const all: SnapshotRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('reading real-world segment files', () => {
  it.each(readableCases)('$name', async ({ fileName, bytes, expected }) => {
    const sourcePath = await writeCase(fileName, bytes());
    const read = await readSegmentFile({ sourcePath });

    expect(read.format).toEqual({
      encoding: expected.encoding,
      delimiter: expected.delimiter,
      hasBom: expected.hasBom,
    });
    expect(read.columns).toEqual(expected.columns);
    expect(read.emailColumn).toBe(expected.emailColumn);
    expect(read.report.counts).toEqual(expected.counts);
    const { rows, valid, invalid, blank, duplicates } = read.report.counts;
    expect(valid + invalid + blank + duplicates).toBe(expected.emailColumn ? rows : 0);
    if (expected.problems) expect(read.report.problems).toEqual(expected.problems);
    expect(read.report.problemCount).toBe(read.report.problems.length);
    expect(read.source.fileName).toBe(fileName);
    expect(read.source.size).toBe(bytes().length);
    expect(read.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    if (expected.standard) {
      expect(autoMatch(read.columns, read.report.preview).standard).toEqual(expected.standard);
    }
  });

  it.each(readableCases)('keeps every row of "$name" in the snapshot', async (corpusCase) => {
    const { fileName, bytes, expected } = corpusCase;
    const sourcePath = await writeCase(`snapshot-${fileName}`, bytes());
    const dataFolder = await mkdtemp(path.join(folder(), 'data-'));
    const imported = await importSegment({
      sourcePath,
      fileName,
      dataFolder,
      segmentId: 'segment-1',
      now: () => new Date('2026-03-01T10:00:00Z'),
    });
    expect(imported.manifest.rowCount).toBe(expected.counts.rows);
    expect(imported.manifest.name).toBe(fileName.replace(/\.[^.]+$/, ''));
    const rows = await collect(readSnapshotRows(dataFolder, 'segment-1'));
    expect(rows).toHaveLength(expected.counts.rows);
    if (expected.lines) expect(rows.map((row) => row.line)).toEqual(expected.lines);
    for (const [index, cells] of Object.entries(expected.rows ?? {})) {
      expect(rows[Number(index)]?.cells).toEqual(cells);
    }
    expect(rows.some((row) => row.cells.some((cell) => cell.includes('\ufffd')))).toBe(false);
    expect(imported.report.preview).toEqual(rows.slice(0, 20).map((row) => row.cells));
  });
});

describe('files that cannot be segments', () => {
  it.each(refusedCases)('refuses $name with a plain message', async (broken) => {
    const { fileName, bytes, error, params } = broken;
    const sourcePath = await writeCase(fileName, bytes());
    const failure: unknown = await readSegmentFile({ sourcePath }).catch(
      (caught: unknown) => caught,
    );
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as ImportError).code).toBe(error);
    expect((failure as ImportError).message).toContain(`“${fileName}”`);
    if (params) expect((failure as ImportError).params).toMatchObject(params);
    if (typeof params?.line === 'number') {
      expect((failure as ImportError).message).toContain(`Line ${params.line} of`);
    }
  });

  it('says which file could not be found', async () => {
    const failure = (await readSegmentFile({ sourcePath: path.join(folder(), 'gone.csv') }).catch(
      (caught: unknown) => caught,
    )) as ImportError;
    expect(failure.code).toBe('file-not-found');
    expect(failure.message).toBe(
      '“gone.csv” could not be found. It may have been moved, renamed or deleted.',
    );
  });

  it('explains how to turn an Excel workbook into a CSV', async () => {
    const sourcePath = await writeCase('book.xlsx', Buffer.from('PK\u0003\u0004rest', 'latin1'));
    const failure: unknown = await readSegmentFile({ sourcePath }).catch(
      (caught: unknown) => caught,
    );
    expect((failure as ImportError).message).toContain('Save As › "CSV UTF-8"');
  });

  it('stops at a quote that never closes in a big file, naming its line', async () => {
    const rest = 'x@example.com,Someone\n'.repeat(300_000);
    const bytes = Buffer.from(`Email,Name\na@example.com,Ann\nb@example.com,"Bob\n${rest}`);
    const sourcePath = await writeCase('runaway-quote.csv', bytes);
    const failure: unknown = await readSegmentFile({ sourcePath }).catch(
      (caught: unknown) => caught,
    );
    expect(failure).toMatchObject({ code: 'unclosed-quote', params: { line: 3 } });
    expect((failure as ImportError).message).toBe(
      'Line 3 of “runaway-quote.csv” opens a quoted value (") that never closes, so the rest of the file cannot be read as rows. Fix that line and export the file again.',
    );
  });

  it('leaves no snapshot behind when an import fails', async () => {
    const sourcePath = await writeCase('header.csv', Buffer.from('Email\n'));
    const dataFolder = await mkdtemp(path.join(folder(), 'data-'));
    await expect(
      importSegment({ sourcePath, dataFolder, segmentId: 'broken', now: () => new Date() }),
    ).rejects.toMatchObject({ code: 'no-rows' });
    await expect(collect(readSnapshotRows(dataFolder, 'broken'))).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
