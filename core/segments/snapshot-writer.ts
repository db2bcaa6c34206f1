import type { WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { ImportReport } from '../../shared/segments/import-report';
import {
  createPrivateWriteStream,
  makePrivateFolder,
  syncPath,
  writeFileAtomic,
} from '../files/private-files';
import { segmentsFolder, snapshotFolder } from './snapshot-paths';
import { snapshotFiles, type SnapshotManifest, type SnapshotRow } from './snapshot-format';

/** Files beside the manifest and rows (see snapshot-store.ts). */
export const snapshotSideFiles = {
  report: 'import-report.json',
  name: 'name.json',
  /**
   * Which process is writing the snapshot, while it is written: a folder without a manifest whose
   * writer is gone is the remains of a killed import, removed on the next start (snapshot-sweep.ts).
   */
  owner: 'import-owner.json',
} as const;

export interface SnapshotOwner {
  readonly pid: number;
}

/** Where an import writes its rows; the snapshot exists for readers only once `commit` returns. */
interface SnapshotWriter {
  readonly segmentId: string;
  readonly folder: string;
  /** Appends rows; false when the disk is behind and the caller should await `drained()`. */
  write(rows: readonly SnapshotRow[]): boolean;
  drained(): Promise<void>;
  /** Starts the rows over (the importer re-reads a file it first decoded with the wrong encoding). */
  reset(): Promise<void>;
  /** Flushes the rows, writes the report, then the manifest atomically: the commit point. */
  commit(manifest: SnapshotManifest, report: ImportReport): Promise<void>;
  /** Throws the unfinished snapshot away. */
  discard(): Promise<void>;
}

function openRows(file: string): WriteStream {
  return createPrivateWriteStream(file, 8 << 20);
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

function isPlainRow(row: SnapshotRow): boolean {
  for (const key in row) if (key !== 'line' && key !== 'cells') return false;
  return Object.getPrototypeOf(row) === Object.prototype && 'line' in row;
}

/**
 * One JSON line per row. A single JSON.stringify per batch is about a third faster than one per
 * row; splitting it back into lines is safe because `},{"line"` cannot occur inside a JSON string
 * (its quotes would be escaped).
 */
function serialize(rows: readonly SnapshotRow[]): string {
  if (rows.length === 0) return '';
  // The importer builds every row of a batch alike, as { line, cells } in that order; a batch
  // shaped otherwise is rebuilt so.
  const plain =
    isPlainRow(rows[0] as SnapshotRow) && isPlainRow(rows[rows.length - 1] as SnapshotRow)
      ? rows
      : rows.map((row) => ({ line: row.line, cells: row.cells }));
  const json = JSON.stringify(plain);
  return `${json.slice(1, -1).replaceAll('},{"line"', '}\n{"line"')}\n`;
}

/** Starts a new snapshot in `<dataFolder>/segments/<segmentId>/`. */
export async function createSnapshotWriter(
  dataFolder: string,
  segmentId: string,
): Promise<SnapshotWriter> {
  const folder = snapshotFolder(dataFolder, segmentId);
  const rowsFile = path.join(folder, snapshotFiles.rows);
  // Contacts: the folders are 0700 and the files 0600 (core/files/private-files.ts).
  await makePrivateFolder(segmentsFolder(dataFolder));
  await makePrivateFolder(folder);
  const owner: SnapshotOwner = { pid: process.pid };
  await writeFileAtomic(path.join(folder, snapshotSideFiles.owner), JSON.stringify(owner));
  let stream = openRows(rowsFile);
  let failure: Error | null = null;
  const watch = (target: WriteStream) =>
    target.on('error', (error) => {
      failure = error;
    });
  watch(stream);
  const check = () => {
    if (failure) throw failure;
  };
  return {
    segmentId,
    folder,
    write(rows) {
      check();
      return stream.write(serialize(rows));
    },
    drained() {
      check();
      if (!stream.writableNeedDrain) return Promise.resolve();
      const current = stream;
      return new Promise((resolve, reject) => {
        const onDrain = () => {
          current.off('error', onError);
          resolve();
        };
        const onError = (error: Error) => {
          current.off('drain', onDrain);
          reject(error);
        };
        current.once('drain', onDrain);
        current.once('error', onError);
      });
    },
    async reset() {
      await closeStream(stream);
      stream = openRows(rowsFile);
      watch(stream);
    },
    async commit(manifest, report) {
      check();
      await closeStream(stream);
      await syncPath(rowsFile);
      await writeFileAtomic(path.join(folder, snapshotSideFiles.report), JSON.stringify(report));
      await writeFileAtomic(path.join(folder, snapshotFiles.manifest), JSON.stringify(manifest));
      // After the commit point: a kill here leaves a complete snapshot and a marker the sweep drops.
      await rm(path.join(folder, snapshotSideFiles.owner), { force: true });
    },
    async discard() {
      stream.destroy();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
