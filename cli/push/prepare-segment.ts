/**
 * The first half of `push`: import the file into a snapshot (exactly as the app does on a drop),
 * match its columns to Autopilot's fields, and count what would be sent. Any problem here is bad
 * input: a plain message, exit 2, and no snapshot left behind.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
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
import { detectEmailColumn } from '../../shared/matching/auto-match';
import { buildMapping } from './mapping-args';

/** Bad input found after parsing: said plainly, without the usage text; exit 2. */
export class BadInputError extends Error {
  override readonly name = 'BadInputError';
}

export interface PreparedSegment {
  readonly segmentId: string;
  readonly fileName: string;
  readonly plan: ExportPlan;
  /** Removes the snapshot (when nothing will be sent after all). */
  discard(): Promise<void>;
}

function newSegmentId(): string {
  return `cli-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

async function importFile(dataFolder: string, file: string, segmentId: string) {
  try {
    return await importSegment({
      sourcePath: path.resolve(file),
      dataFolder,
      segmentId,
      now: () => new Date(),
    });
  } catch (error) {
    if (error instanceof ImportError) throw new BadInputError(error.message);
    throw error;
  }
}

export async function prepareSegment(options: {
  readonly dataFolder: string;
  readonly file: string;
  readonly listName: string;
  readonly maps: readonly string[];
  /** A sync: judge the contacts against the list's delivery ledger (issue 13). */
  readonly syncFor?: (request: ExportSegmentRequest) => Promise<SegmentSync | undefined>;
}): Promise<PreparedSegment> {
  const segmentId = newSegmentId();
  const { manifest, report } = await importFile(options.dataFolder, options.file, segmentId);
  const discard = () => removeSnapshot(options.dataFolder, segmentId);
  try {
    const { columns } = manifest;
    const mapsEmail = options.maps.some((map) => /^\s*email\s*=/i.test(map));
    if (!mapsEmail && detectEmailColumn(columns, report.preview) === null) {
      throw new BadInputError(
        `No column of "${manifest.source.fileName}" looks like an email address. Name the email column with --map Email=<column>; the columns are: ${columns.join(', ')}.`,
      );
    }
    const mapping = buildMapping(columns, report.preview, options.maps);
    const plan = await planExport(
      fileSnapshotAccess(options.dataFolder),
      [{ segmentId, listName: options.listName, mapping }],
      options.syncFor,
    );
    if (plan.totals.valid === 0) {
      throw new BadInputError(
        `No row of "${manifest.source.fileName}" has a usable email address in the column "${mapping.email}", so there is nothing to send.`,
      );
    }
    return { segmentId, fileName: manifest.source.fileName, plan, discard };
  } catch (error) {
    await discard();
    if (error instanceof MappingError) throw new BadInputError(error.message);
    throw error;
  }
}
