import { fdatasync, type WriteStream } from 'node:fs';
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
import { snapshotFiles, type SnapshotManifest } from './snapshot-format';

/** Files beside the manifest and the text (see snapshot-store.ts). */
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

/** Where an import copies the text it reads; the snapshot exists for readers only once `commit` returns. */
interface SnapshotWriter {
  readonly segmentId: string;
  readonly folder: string;
  /** Appends bytes of the text; false when the disk is behind and the caller should await `drained()`. */
  copy(bytes: Buffer): boolean;
  drained(): Promise<void>;
  /** Starts the copy over (the importer re-reads a file it first decoded with the wrong encoding). */
  reset(): Promise<void>;
  /** Flushes the copy, writes the report, then the manifest atomically: the commit point. */
  commit(manifest: SnapshotManifest, report: ImportReport): Promise<void>;
  /** Throws the unfinished snapshot away. */
  discard(): Promise<void>;
}

/** Each open table stream's file descriptor, once open (Node's typings do not show `fd`). */
const tableFds = new WeakMap<WriteStream, number>();

function openTable(file: string): WriteStream {
  const stream = createPrivateWriteStream(file, 8 << 20);
  stream.once('open', (fd: number) => tableFds.set(stream, fd));
  return stream;
}

/** After this much text the copy so far is flushed to disk, while the import reads on. */
const syncAheadBytes = 32 << 20;

/**
 * Flushes what a stream has written so far, in the background and at most once at a time, so the
 * commit's own sync (the durability guarantee) finds only the tail to write: on this machine
 * that sync took about 150 ms per 100 MB. Failures are left to that sync to find.
 */
function syncAhead(): (stream: WriteStream) => void {
  let busy = false;
  return (stream) => {
    const fd = tableFds.get(stream);
    if (busy || fd === undefined || stream.closed) return;
    busy = true;
    fdatasync(fd, () => {
      busy = false;
    });
  };
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

/** Starts a new snapshot in `<dataFolder>/segments/<segmentId>/`. */
export async function createSnapshotWriter(
  dataFolder: string,
  segmentId: string,
): Promise<SnapshotWriter> {
  const folder = snapshotFolder(dataFolder, segmentId);
  const tableFile = path.join(folder, snapshotFiles.table);
  // Contacts: the folders are 0700 and the files 0600 (core/files/private-files.ts).
  await makePrivateFolder(segmentsFolder(dataFolder));
  await makePrivateFolder(folder);
  const owner: SnapshotOwner = { pid: process.pid };
  await writeFileAtomic(path.join(folder, snapshotSideFiles.owner), JSON.stringify(owner));
  let stream = openTable(tableFile);
  let failure: Error | null = null;
  const watch = (target: WriteStream) =>
    target.on('error', (error) => {
      failure = error;
    });
  watch(stream);
  const check = () => {
    if (failure) throw failure;
  };
  const flushAhead = syncAhead();
  let unsynced = 0;
  return {
    segmentId,
    folder,
    copy(bytes) {
      check();
      unsynced += bytes.length;
      if (unsynced < syncAheadBytes) return stream.write(bytes);
      unsynced = 0;
      const target = stream;
      return stream.write(bytes, () => flushAhead(target));
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
      stream = openTable(tableFile);
      watch(stream);
    },
    async commit(manifest, report) {
      check();
      await closeStream(stream);
      await syncPath(tableFile);
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
