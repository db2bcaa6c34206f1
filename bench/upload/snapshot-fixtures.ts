/**
 * Segment snapshots for upload tests and benchmarks, written in the importer's on-disk format
 * (core/segments/snapshot-format.ts), so the engine is exercised over real files without going
 * through a CSV import each time. Streamed, so a million-row snapshot costs no memory.
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

export async function writeSnapshot(
  dataFolder: string,
  fixture: SnapshotFixture,
): Promise<SnapshotManifest> {
  const folder = path.join(dataFolder, 'segments', fixture.segmentId);
  await mkdir(folder, { recursive: true });
  const stream = createWriteStream(path.join(folder, snapshotFiles.rows), { encoding: 'utf8' });
  const hash = createHash('sha256');
  let count = 0;
  let chunk = '';
  for (const cells of fixture.rows) {
    count += 1;
    chunk += `${JSON.stringify({ line: count + 1, cells })}\n`;
    hash.update(cells.join(','));
    if (chunk.length > 256 * 1024) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.end(chunk);
  await once(stream, 'finish');
  const manifest: SnapshotManifest = {
    formatVersion: 1,
    id: fixture.segmentId,
    name: fixture.name ?? fixture.segmentId,
    importedAt: new Date().toISOString(),
    source: {
      path: `/fixtures/${fixture.segmentId}.csv`,
      fileName: `${fixture.segmentId}.csv`,
      size: count * 40,
      sha256: hash.digest('hex'),
      modifiedAt: new Date().toISOString(),
    },
    format: { encoding: 'utf-8', delimiter: ',', hasBom: false },
    columns: fixture.columns,
    rowCount: count,
    emailColumn: fixture.columns.includes('Email') ? 'Email' : null,
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
