import { ftruncate } from 'node:fs';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import type { ImportReport } from '../../shared/segments/import-report';
import { makePrivateFolder, openPrivateFile, writeFileAtomic } from '../files/private-files';
import { segmentsFolder, snapshotFolder } from './snapshot-paths';
import { snapshotFiles, type SnapshotManifest, type SnapshotRow } from './snapshot-format';
import { encodeBatch, jsonRowsRoom, writeAllAt, writeJsonRows } from './snapshot-json-rows';
import { SnapshotRowsThread } from './snapshot-rows-thread';

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
export interface SnapshotWriter {
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

/**
 * Rows past this many are written by a thread of their own (snapshot-rows-thread.ts); before, in
 * line. Starting the thread costs tens of milliseconds on a busy machine, more than it saves on a
 * file this small (same-run A/B on 100,000 rows).
 */
const rowsBeforeThread = 200_000;

/** The rows file: written in line at first, then by the rows thread once the file is large. */
class RowsOutput {
  private thread: SnapshotRowsThread | null = null;
  private position = 0;
  private out = Buffer.allocUnsafe(1 << 20);
  private rowsInLine = 0;
  private rowsHandedOver = 0;

  constructor(private readonly fd: number) {}

  write(rows: readonly SnapshotRow[]): boolean {
    this.rowsHandedOver += rows.length;
    if (this.thread) return this.thread.write(rows);
    const batch = encodeBatch(rows);
    const room = jsonRowsRoom(batch);
    if (this.out.length < room) this.out = Buffer.allocUnsafe(room);
    this.position = writeAllAt(this.fd, this.out, writeJsonRows(batch, this.out), this.position);
    this.rowsInLine += rows.length;
    if (this.rowsInLine >= rowsBeforeThread) {
      this.thread = new SnapshotRowsThread(this.fd, this.position);
    }
    return true;
  }

  drained(): Promise<void> {
    return this.thread ? this.thread.drained() : Promise.resolve();
  }

  async reset(): Promise<void> {
    if (this.thread) await this.thread.reset();
    else await promisify(ftruncate)(this.fd, 0);
    this.position = 0;
    this.rowsInLine = 0;
    this.rowsHandedOver = 0;
  }

  /** Waits for every row to be written, and checks that every row was. */
  async finish(): Promise<void> {
    const written = this.rowsInLine + (this.thread ? await this.thread.finish() : 0);
    await this.stop();
    if (written !== this.rowsHandedOver) {
      throw new Error(`The snapshot got ${written} of its ${this.rowsHandedOver} rows.`);
    }
  }

  async stop(): Promise<void> {
    await this.thread?.stop();
  }
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
  const rows = await openPrivateFile(rowsFile, 'w');
  const output = new RowsOutput(rows.fd);
  return {
    segmentId,
    folder,
    write: (batch) => output.write(batch),
    drained: () => output.drained(),
    reset: () => output.reset(),
    async commit(manifest, report) {
      await output.finish();
      await rows.sync();
      await rows.close();
      await writeFileAtomic(path.join(folder, snapshotSideFiles.report), JSON.stringify(report));
      await writeFileAtomic(path.join(folder, snapshotFiles.manifest), JSON.stringify(manifest));
      // After the commit point: a kill here leaves a complete snapshot and a marker the sweep drops.
      await rm(path.join(folder, snapshotSideFiles.owner), { force: true });
    },
    async discard() {
      await output.stop();
      await rows.close().catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
}
