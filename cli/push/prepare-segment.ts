/**
 * The first half of `push`: import the file into a snapshot (exactly as the app does on a drop),
 * match its columns to Autopilot's fields, and count what would be sent. Any problem here is bad
 * input: a plain message, exit 2, and no snapshot left behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  checkCapacity,
  defaultCapacityLimits,
  type CapacityLimits,
} from '../../core/import/capacity';
import { ImportError } from '../../core/import/import-error';
import { importSegment } from '../../core/import/import-segment';
import { removeSnapshot } from '../../core/segments/snapshot-store';
import { MappingError } from '../../core/upload/contact-builder';
import {
  planExport,
  type ExportPlan,
  type ExportSegmentRequest,
  type SegmentSync,
} from '../../core/upload/export-plan';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { detectEmailColumn } from '../../shared/matching/email-column';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import type { ImportReport } from '../../shared/segments/import-report';
import type { ShapeChoice } from '../../shared/segments/segment-shape';
import { BadInputError } from '../cli-errors';
import { buildMapping } from './mapping-args';

export interface PreparedSegment {
  readonly segmentId: string;
  readonly fileName: string;
  readonly plan: ExportPlan;
  /** Said before anything is sent when rows were set aside (issue 12: never silently). */
  readonly setAsideWarning: string | null;
  /** Removes the snapshot (when nothing will be sent after all). */
  discard(): Promise<void>;
}

function newSegmentId(): string {
  return `cli-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/**
 * The app's limits before a byte is read (core/segments/segment-library.ts does the same for a
 * drop): 2 GB at most, and room on the disk for the snapshot. The data folder is made first (0700:
 * it will hold contacts), so a read-only one is found here, before anything else.
 */
async function checkRoom(dataFolder: string, sourcePath: string, limits: CapacityLimits) {
  await mkdir(dataFolder, { recursive: true, mode: 0o700 });
  const size = (await stat(sourcePath).catch(() => null))?.size ?? 0;
  await checkCapacity(path.basename(sourcePath), size, dataFolder, false, limits);
}

interface ImportFileOptions {
  readonly limits: CapacityLimits;
  readonly noHeader: boolean;
  readonly choice: ShapeChoice;
}

async function importFile(
  dataFolder: string,
  file: string,
  segmentId: string,
  { limits, noHeader, choice }: ImportFileOptions,
) {
  try {
    await checkRoom(dataFolder, path.resolve(file), limits);
    return await importSegment({
      sourcePath: path.resolve(file),
      choice,
      dataFolder,
      segmentId,
      ...(noHeader ? { overrides: { noHeader } } : {}),
      now: () => new Date(),
    });
  } catch (error) {
    if (error instanceof ImportError) throw new BadInputError(error.message, error.code);
    throw error;
  }
}

/** Rows with the wrong number of values are not in the snapshot: say so, with their first lines. */
function setAsideWarning(fileName: string, report: ImportReport): string | null {
  const count = report.counts.wrongFieldCount;
  if (count === 0) return null;
  const lines = report.problems
    .filter((problem) => problem.kind === 'wrong-field-count')
    .slice(0, 5)
    .map((problem) => problem.line);
  const more = count > lines.length ? ', ...' : '';
  return `${count.toLocaleString('en-US')} rows of "${fileName}" have a different number of values than its header and are set aside, not sent (line ${lines.join(', ')}${more}). Run inspect to see them.`;
}

export interface PrepareOptions {
  readonly dataFolder: string;
  readonly file: string;
  readonly listName: string;
  readonly maps: readonly string[];
  readonly noHeader?: boolean;
  readonly choice?: ShapeChoice;
  /** The app's import limits; tests make them small. */
  readonly capacity?: CapacityLimits;
}

/** A file read into a snapshot and matched, not counted yet. */
export interface ImportedSegment {
  readonly segmentId: string;
  readonly fileName: string;
  readonly listName: string;
  readonly dataFolder: string;
  readonly mapping: FieldMapping;
  readonly setAsideWarning: string | null;
  discard(): Promise<void>;
}

/**
 * Reads the file into a snapshot and matches its columns. A file that cannot be read whole is
 * refused here, before the key is looked up or anything is asked of the destination.
 */
export async function importForPush(options: PrepareOptions): Promise<ImportedSegment> {
  const segmentId = newSegmentId();
  const limits = options.capacity ?? defaultCapacityLimits;
  const { manifest, report } = await importFile(options.dataFolder, options.file, segmentId, {
    limits,
    noHeader: options.noHeader ?? false,
    choice: options.choice ?? {},
  });
  const discard = () => removeSnapshot(options.dataFolder, segmentId);
  try {
    const { columns } = manifest;
    const mapsEmail = options.maps.some((map) => /^\s*email\s*=/i.test(map));
    if (!mapsEmail && detectEmailColumn(columns, report.preview) === null) {
      throw new BadInputError(
        `No column of "${manifest.source.fileName}" looks like an email address. Name the email column with --map Email=<column>; the columns are: ${columns.join(', ')}.`,
      );
    }
    return {
      segmentId,
      fileName: manifest.source.fileName,
      listName: options.listName,
      dataFolder: options.dataFolder,
      mapping: buildMapping(columns, report.preview, options.maps),
      setAsideWarning: setAsideWarning(manifest.source.fileName, report),
      discard,
    };
  } catch (error) {
    await discard();
    if (error instanceof MappingError) throw new BadInputError(error.message);
    throw error;
  }
}

/** Counts the imported segment as the engine will send it, against the list's ledger if a sync. */
export async function planImported(
  imported: ImportedSegment,
  syncFor?: (request: ExportSegmentRequest) => Promise<SegmentSync | undefined>,
): Promise<PreparedSegment> {
  const { segmentId, listName, mapping } = imported;
  try {
    const plan = await planExport(
      fileSnapshotAccess(imported.dataFolder),
      [{ segmentId, listName, mapping }],
      { syncFor },
    );
    if (plan.totals.valid === 0) {
      throw new BadInputError(
        `No row of "${imported.fileName}" has a usable email address in the column "${mapping.email}", so there is nothing to send.`,
      );
    }
    const { fileName, discard } = imported;
    return { segmentId, fileName, plan, setAsideWarning: imported.setAsideWarning, discard };
  } catch (error) {
    await imported.discard();
    if (error instanceof MappingError) throw new BadInputError(error.message);
    throw error;
  }
}

export async function prepareSegment(options: PrepareOptions): Promise<PreparedSegment> {
  return planImported(await importForPush(options));
}
