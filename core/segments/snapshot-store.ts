import { createReadStream } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ImportReport } from '../../shared/segments/import-report';
import { writeFileAtomic } from '../files/private-files';
import { TableReplay } from '../import/table-replay';
import { isDecodingError } from '../import/text-decoding';
import { snapshotFiles, type SnapshotManifest, type SnapshotRow } from './snapshot-format';
import { snapshotManifestSchema, snapshotNameSchema } from './snapshot-manifest-schema';
import { importReportSchema } from '../../shared/segments/import-report';

import {
  SnapshotError,
  segmentsFolder,
  snapshotFolder,
  snapshotIdPattern as idPattern,
} from './snapshot-paths';
import { snapshotSideFiles } from './snapshot-writer';

export {
  findIncompleteSnapshots,
  removeIncompleteSnapshots,
  sweepIncompleteSnapshots,
  type IncompleteSnapshot,
} from './snapshot-sweep';
export {
  SnapshotError,
  segmentsFolder,
  snapshotFolder,
  type SnapshotErrorCode,
} from './snapshot-paths';

/**
 * Segment snapshots in the data folder (layout in snapshot-format.ts). Beside the immutable
 * manifest and rows, two side files: `import-report.json` (counts, problems and preview from the
 * import, written before the manifest) and `name.json` (the display name after a rename, so the
 * manifest never changes). A folder without a manifest is an import in progress or one a crash
 * interrupted; readers ignore it.
 */
async function readJson(file: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw damaged();
  }
}

function damaged(): SnapshotError {
  return new SnapshotError('damaged', 'This segment’s saved copy is damaged. Import it again.');
}

/** The manifest with the current display name; throws SnapshotError('not-found') when absent. */
export async function readSnapshotManifest(
  dataFolder: string,
  segmentId: string,
): Promise<SnapshotManifest> {
  const folder = snapshotFolder(dataFolder, segmentId);
  const raw = await readJson(path.join(folder, snapshotFiles.manifest));
  if (raw === undefined) {
    throw new SnapshotError('not-found', 'This segment does not exist (any more).');
  }
  const parsed = snapshotManifestSchema.safeParse(raw);
  if (!parsed.success || parsed.data.id !== segmentId) throw damaged();
  const rename = snapshotNameSchema.safeParse(
    await readJson(path.join(folder, snapshotSideFiles.name)).catch(() => undefined),
  );
  return rename.success ? { ...parsed.data, name: rename.data.name } : parsed.data;
}

export async function readSnapshotReport(
  dataFolder: string,
  segmentId: string,
): Promise<ImportReport | null> {
  const raw = await readJson(
    path.join(snapshotFolder(dataFolder, segmentId), snapshotSideFiles.report),
  ).catch(() => undefined);
  const parsed = importReportSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * As the import reads: a slice's rows all live until the reader has taken the last of them, and a
 * push takes them at the pace of its requests, so larger slices kept thousands of rows alive long
 * enough to be promoted, and a 1M-contact push's heap grew with them (1 MiB slices: 305 MB peak;
 * 128 KiB: 241 MB, at the same speed).
 */
const readChunkBytes = 128 * 1024;

/**
 * Every data row of a complete snapshot, in file order, one at a time: memory stays bounded
 * however large the segment. Format 2 is read again from its copy of the text, format 1 (older
 * imports) from its JSON lines.
 */
export async function* readSnapshotRows(
  dataFolder: string,
  segmentId: string,
): AsyncIterable<SnapshotRow> {
  const manifest = await readSnapshotManifest(dataFolder, segmentId);
  const folder = snapshotFolder(dataFolder, segmentId);
  if (!manifest.table) {
    yield* readJsonLines(path.join(folder, snapshotFiles.rows));
    return;
  }
  const replay = new TableReplay({ ...manifest, table: manifest.table });
  const input = createReadStream(path.join(folder, snapshotFiles.table), {
    highWaterMark: readChunkBytes,
  });
  try {
    // Row by row, not `yield*` over each slice's rows: delegating costs a promise per row.
    for await (const chunk of input) for (const row of replay.rows(chunk as Buffer)) yield row;
    for (const row of replay.end()) yield row;
  } catch (error) {
    // The import read this text whole: bytes its encoding does not allow are damage since.
    throw isDecodingError(error) ? damaged() : error;
  } finally {
    // A reader that stops early (a preview, a cancelled run) must not leave the file open.
    input.destroy();
  }
}

async function* readJsonLines(file: string): AsyncIterable<SnapshotRow> {
  const input = createReadStream(file, { encoding: 'utf8', highWaterMark: readChunkBytes });
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (line.length > 0) yield JSON.parse(line) as SnapshotRow;
    }
  } finally {
    lines.close();
    input.destroy();
  }
}

/** Complete snapshots, oldest first. A damaged one is skipped rather than hiding the others. */
export async function listSnapshots(dataFolder: string): Promise<SnapshotManifest[]> {
  const entries = await readdir(segmentsFolder(dataFolder), { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  const manifests: SnapshotManifest[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !idPattern.test(entry.name)) continue;
    try {
      manifests.push(await readSnapshotManifest(dataFolder, entry.name));
    } catch (error) {
      if (!(error instanceof SnapshotError)) throw error;
    }
  }
  return manifests.sort(
    (a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id),
  );
}

export async function removeSnapshot(dataFolder: string, segmentId: string): Promise<void> {
  const folder = snapshotFolder(dataFolder, segmentId);
  // The manifest goes first: from then on the snapshot no longer exists for any reader.
  await rm(path.join(folder, snapshotFiles.manifest), { force: true });
  await rm(folder, { recursive: true, force: true });
}

const maxSegmentNameLength = 120;

/** Sets the display name; the manifest and rows stay as imported. */
export async function renameSnapshot(
  dataFolder: string,
  segmentId: string,
  name: string,
): Promise<SnapshotManifest> {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (trimmed.length === 0 || trimmed.length > maxSegmentNameLength) {
    throw new SnapshotError(
      'invalid-name',
      `A segment name needs between 1 and ${maxSegmentNameLength} characters.`,
      { max: maxSegmentNameLength },
    );
  }
  await readSnapshotManifest(dataFolder, segmentId);
  const file = path.join(snapshotFolder(dataFolder, segmentId), snapshotSideFiles.name);
  await writeFileAtomic(file, JSON.stringify({ name: trimmed }));
  return readSnapshotManifest(dataFolder, segmentId);
}
