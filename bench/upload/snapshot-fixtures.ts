/**
 * Segment snapshots for upload tests and benchmarks, written in the importer's on-disk format
 * (format 2 in core/segments/snapshot-format.ts: the table's text as an import copies it), so the
 * engine is exercised over real files without going through a CSV import each time. Streamed, so
 * a million-row snapshot costs no memory.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { snapshotFiles, type SnapshotManifest } from '../../core/segments/snapshot-format';

interface SnapshotFixture {
  readonly segmentId: string;
  readonly name?: string;
  readonly columns: readonly string[];
  /** Data rows; the first is line 2 (the header is line 1). */
  readonly rows: Iterable<readonly string[]>;
}

/** A cell as a CSV writer quotes it: only when it holds the delimiter, a quote or a line break. */
function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The fixture's text, header first; rows a snapshot could not hold are a mistake in the test. */
function* tableLines(fixture: SnapshotFixture): Generator<string> {
  yield `${fixture.columns.map(csvCell).join(',')}\n`;
  for (const cells of fixture.rows) {
    if (cells.length !== fixture.columns.length || cells.every((cell) => cell.trim() === '')) {
      throw new Error('A snapshot keeps only non-blank rows with one value per column.');
    }
    yield `${cells.map(csvCell).join(',')}\n`;
  }
}

export async function writeSnapshot(
  dataFolder: string,
  fixture: SnapshotFixture,
): Promise<SnapshotManifest> {
  const folder = path.join(dataFolder, 'segments', fixture.segmentId);
  await mkdir(folder, { recursive: true });
  const stream = createWriteStream(path.join(folder, snapshotFiles.table));
  const hash = createHash('sha256');
  let lines = 0;
  let bytes = 0;
  let chunk = '';
  const flush = async () => {
    const piece = Buffer.from(chunk);
    hash.update(piece);
    bytes += piece.length;
    chunk = '';
    if (!stream.write(piece)) await once(stream, 'drain');
  };
  for (const line of tableLines(fixture)) {
    lines += 1;
    chunk += line;
    if (chunk.length > 256 * 1024) await flush();
  }
  await flush();
  stream.end();
  await once(stream, 'finish');
  const manifest: SnapshotManifest = {
    formatVersion: 2,
    id: fixture.segmentId,
    name: fixture.name ?? fixture.segmentId,
    importedAt: new Date().toISOString(),
    source: {
      path: `/fixtures/${fixture.segmentId}.csv`,
      fileName: `${fixture.segmentId}.csv`,
      size: bytes,
      sha256: hash.digest('hex'),
      modifiedAt: new Date().toISOString(),
    },
    format: { encoding: 'utf-8', delimiter: ',', hasBom: false },
    columns: fixture.columns,
    rowCount: lines - 1,
    emailColumn: fixture.columns.includes('Email') ? 'Email' : null,
    table: { bytes, newline: '\n', skipRows: 0, header: true },
  };
  await writeFile(path.join(folder, snapshotFiles.manifest), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** The address of generated contact `index` (stable, so tests know what to expect). */
export function contactEmail(index: number, domain = 'example.com'): string {
  return `person.${index}@${domain}`;
}

/** `count` well-formed contacts: Email, FirstName, LastName, Tier (string), Score (integer). */
export function* generatedRows(count: number, domain?: string): Generator<string[]> {
  for (let index = 0; index < count; index += 1) {
    yield [
      contactEmail(index, domain),
      `First${index}`,
      `Last${index}`,
      index % 2 ? 'Gold' : '',
      String(index % 100),
    ];
  }
}

export const generatedColumns = ['Email', 'FirstName', 'LastName', 'Tier', 'Score'] as const;

export const generatedMapping = {
  email: 'Email',
  standard: { FirstName: 'FirstName', LastName: 'LastName' },
  custom: [
    { name: 'Tier', type: 'string' as const, column: 'Tier' },
    { name: 'Score', type: 'integer' as const, column: 'Score' },
  ],
};
