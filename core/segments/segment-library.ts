import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type {
  ImportOutcome,
  ImportProgress,
  SegmentSummary,
} from '../../shared/segments/segment-summary';
import type { ShapeChoice } from '../../shared/segments/segment-shape';
import { tightenDataFolder } from '../files/private-tree';
import { checkCapacity, defaultCapacityLimits, type CapacityLimits } from '../import/capacity';
import type { FormatOverrides } from '../import/format-sniffing';
import { ImportError } from '../import/import-error';
import { importSegment } from '../import/import-segment';
import type { SnapshotManifest } from './snapshot-format';
import {
  listSnapshots,
  readSnapshotManifest,
  readSnapshotReport,
  removeSnapshot,
  renameSnapshot,
  sweepIncompleteSnapshots,
  type IncompleteSnapshot,
} from './snapshot-store';
import { toFailure, toSummary } from './segment-summary';
import { FileTransfers } from './file-transfers';

interface SegmentLibraryOptions {
  readonly dataFolder: string;
  readonly now?: () => Date;
  readonly newSegmentId?: () => string;
  readonly capacity?: CapacityLimits;
  /** Progress of each file being read, for the Segments screen's progress bars. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Where unexpected failures are written (never file contents). */
  readonly logError?: (error: unknown) => void;
}

/** Progress is reported at most every 1% of the file, and never more often than every 1 MiB. */
function progressStep(totalBytes: number): number {
  return Math.max(1024 * 1024, Math.floor(totalBytes / 100));
}

/**
 * The segments in the data folder, for main: imports (by path or from a file transfer), one at
 * a time so memory stays bounded; lists, renames, removes; re-reads a segment with another
 * encoding or delimiter.
 */
export class SegmentLibrary {
  private readonly dataFolder: string;
  private readonly now: () => Date;
  private readonly newSegmentId: () => string;
  private readonly capacity: CapacityLimits;
  private readonly transfers: FileTransfers;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SegmentLibraryOptions) {
    this.dataFolder = options.dataFolder;
    this.now = options.now ?? (() => new Date());
    this.newSegmentId =
      options.newSegmentId ??
      (() => `seg-${this.now().getTime().toString(36)}-${randomBytes(4).toString('hex')}`);
    this.capacity = options.capacity ?? defaultCapacityLimits;
    this.transfers = new FileTransfers(this.dataFolder);
  }

  /**
   * On start: narrows what an older version left readable by others, and lists and removes what a
   * kill left behind (unfinished snapshots, unused transferred copies, unpacked export files).
   */
  async sweep(): Promise<{ snapshots: IncompleteSnapshot[]; transfers: string[] }> {
    await tightenDataFolder(this.dataFolder);
    const snapshots = await sweepIncompleteSnapshots(this.dataFolder, this.now());
    // What a crash left unpacked; nothing is being read yet when this runs.
    await rm(path.join(this.dataFolder, 'segment-reads'), { recursive: true, force: true });
    const manifests = await listSnapshots(this.dataFolder);
    const used = new Set(manifests.map((manifest) => manifest.source.path));
    return { snapshots, transfers: await this.transfers.removeUnused(used) };
  }

  async list(): Promise<SegmentSummary[]> {
    const manifests = await listSnapshots(this.dataFolder);
    return Promise.all(manifests.map((manifest) => this.summarize(manifest)));
  }

  async importPaths(paths: readonly string[]): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    for (const sourcePath of paths) {
      const fileName = path.basename(sourcePath);
      outcomes.push(
        await this.outcomeOf(fileName, async () => {
          const size = (await stat(sourcePath).catch(() => null))?.size ?? 0;
          await checkCapacity(fileName, size, this.dataFolder, false, this.capacity);
          return this.runImport({ sourcePath, fileName }, this.newSegmentId());
        }),
      );
    }
    return outcomes;
  }

  async beginTransfer(
    fileName: string,
    size: number,
  ): Promise<{ ok: true; transferId: string } | Extract<ImportOutcome, { ok: false }>> {
    try {
      await checkCapacity(fileName, size, this.dataFolder, true, this.capacity);
      return { ok: true, transferId: await this.transfers.begin(fileName, size) };
    } catch (error) {
      return { ok: false, fileName, error: this.failureOf(error, fileName) };
    }
  }

  appendTransfer(transferId: string, offset: number, base64: string): Promise<number> {
    return this.transfers.append(transferId, offset, base64);
  }

  async endTransfer(transferId: string): Promise<ImportOutcome> {
    const arrived = await this.transfers.finish(transferId);
    try {
      const outcome = await this.outcomeOf(arrived.fileName, () =>
        this.runImport({ sourcePath: arrived.filePath, fileName: arrived.fileName }, transferId),
      );
      if (!outcome.ok) await this.transfers.discard(transferId);
      return outcome;
    } finally {
      this.transfers.release(transferId);
    }
  }

  cancelTransfer(transferId: string): Promise<void> {
    return this.transfers.cancel(transferId);
  }

  async rename(segmentId: string, name: string): Promise<SegmentSummary> {
    return this.summarize(await renameSnapshot(this.dataFolder, segmentId, name));
  }

  async remove(segmentId: string): Promise<void> {
    const manifest = await readSnapshotManifest(this.dataFolder, segmentId);
    await removeSnapshot(this.dataFolder, segmentId);
    await this.removeUnusedTransfer(manifest.source.path);
  }

  /**
   * Reads a segment's file again with another encoding or delimiter. The result is a new snapshot
   * (snapshots never change) that takes the old one's name and place; the old one is removed.
   */
  async reimport(
    segmentId: string,
    overrides: FormatOverrides,
    choice: ShapeChoice = {},
  ): Promise<ImportOutcome> {
    let fileName = segmentId;
    return this.outcomeOf(
      () => fileName,
      async () => {
        const old = await readSnapshotManifest(this.dataFolder, segmentId);
        fileName = old.source.fileName;
        const newId = this.newSegmentId();
        const kept = { sheet: old.shape?.sheet, entity: old.shape?.entity };
        // Another sheet or table is other rows of the same source: its text cannot match.
        const sameRows = choice.sheet === undefined && choice.entity === undefined;
        const source = {
          sourcePath: old.source.path,
          fileName,
          overrides,
          name: old.name,
          choice: { ...kept, ...definedOnly(choice) },
        };
        const imported = await this.runImport(source, newId).catch((error: unknown) => {
          const gone = error instanceof ImportError && error.code === 'file-not-found';
          throw gone ? sourceChanged(old) : error;
        });
        if (sameRows && imported.source.sha256 !== old.source.sha256) {
          await removeSnapshot(this.dataFolder, newId);
          throw sourceChanged(old);
        }
        await removeSnapshot(this.dataFolder, segmentId);
        return imported;
      },
    );
  }

  async dispose(): Promise<void> {
    await this.transfers.dispose();
  }

  private runImport(source: ImportSource, segmentId: string): Promise<SnapshotManifest> {
    const task = this.queue.then(() => this.importNow(source, segmentId));
    this.queue = task.catch(() => undefined);
    return task;
  }

  private async importNow(source: ImportSource, importId: string): Promise<SnapshotManifest> {
    const report = (
      phase: ImportProgress['phase'],
      bytesRead: number,
      total: number,
      rows: number,
    ) =>
      this.options.onProgress?.({
        importId,
        fileName: source.fileName,
        phase,
        bytesRead,
        totalBytes: total,
        rows,
      });
    let nextReport = 0;
    try {
      const { manifest } = await importSegment({
        ...source,
        dataFolder: this.dataFolder,
        workFolder: await readsFolder(this.dataFolder),
        segmentId: importId,
        now: this.now,
        onProgress: ({ bytesRead, totalBytes, rows }) => {
          if (bytesRead < nextReport) return;
          nextReport = bytesRead + progressStep(totalBytes);
          report('reading', bytesRead, totalBytes, rows);
        },
      });
      report('done', manifest.source.size, manifest.source.size, manifest.rowCount);
      return manifest;
    } catch (error) {
      report('done', 0, 0, 0);
      throw error;
    }
  }

  private async outcomeOf(
    fileName: string | (() => string),
    work: () => Promise<SnapshotManifest>,
  ): Promise<ImportOutcome> {
    const nameNow = () => (typeof fileName === 'string' ? fileName : fileName());
    try {
      const segment = await this.summarize(await work());
      return { ok: true, fileName: nameNow(), segment };
    } catch (error) {
      return { ok: false, fileName: nameNow(), error: this.failureOf(error, nameNow()) };
    }
  }

  private failureOf(error: unknown, fileName: string) {
    if (!(error instanceof ImportError)) this.options.logError?.(error);
    return toFailure(error, fileName);
  }

  private async summarize(manifest: SnapshotManifest): Promise<SegmentSummary> {
    return toSummary(manifest, await readSnapshotReport(this.dataFolder, manifest.id));
  }

  private async removeUnusedTransfer(sourcePath: string): Promise<void> {
    if (!this.transfers.owns(sourcePath)) return;
    const manifests = await listSnapshots(this.dataFolder);
    await this.transfers.removeUnused(new Set(manifests.map((manifest) => manifest.source.path)));
  }
}

interface ImportSource {
  readonly sourcePath: string;
  readonly fileName: string;
  readonly overrides?: FormatOverrides;
  readonly name?: string;
  readonly choice?: ShapeChoice;
}

function definedOnly(choice: ShapeChoice): ShapeChoice {
  return {
    ...(choice.sheet === undefined ? {} : { sheet: choice.sheet }),
    ...(choice.entity === undefined ? {} : { entity: choice.entity }),
  };
}

/** Packed and rewritten sources are unpacked beside the snapshots: the same disk, checked for space. */
async function readsFolder(dataFolder: string): Promise<string> {
  const folder = path.join(dataFolder, 'segment-reads');
  await mkdir(folder, { recursive: true });
  return folder;
}

function sourceChanged(manifest: SnapshotManifest): ImportError {
  const fileName = manifest.source.fileName;
  return new ImportError(
    'source-changed',
    `“${fileName}” has moved or changed since it was imported, so it cannot be read again with another encoding or delimiter. Drop the file again instead.`,
    { fileName },
  );
}

export async function createSegmentLibrary(
  options: SegmentLibraryOptions,
): Promise<SegmentLibrary> {
  const library = new SegmentLibrary(options);
  await library.sweep();
  return library;
}
