/**
 * The counts the Export screen and the consent dialog show, from the upload engine's own plan
 * (core/upload/export-plan.ts), plus the values that do not fit their fields.
 */
import type { ExportPlanSummary, ExportSegmentInput } from '../../shared/ipc/channels/exports';
import { readSnapshotManifest } from '../segments/snapshot-store';
import { SnapshotError } from '../segments/snapshot-paths';
import { MappingError } from '../upload/contact-builder';
import { isLargeExport, planExport, type ExportPlan } from '../upload/export-plan';
import { fileSnapshotAccess } from '../upload/snapshot-access';
import { countMisfits } from './count-misfits';
import { changesOf, type SyncFor } from './sync-plan';
import { ExportsError, exportErrorCodes } from './exports-error';

/** Snapshot and mapping failures in the words the screen shows. */
export function planProblem(error: unknown): unknown {
  if (error instanceof SnapshotError) {
    return new ExportsError(
      exportErrorCodes.segmentNotFound,
      'One of the chosen segments no longer exists. Choose the segments again.',
      { cause: error },
    );
  }
  if (error instanceof MappingError) {
    return new ExportsError(exportErrorCodes.invalidMapping, error.message, { cause: error });
  }
  return error;
}

/** The engine's plan: counts, and which rows become contacts (stored with the job). */
export async function planSegments(
  dataFolder: string,
  segments: readonly ExportSegmentInput[],
  syncFor?: SyncFor,
): Promise<ExportPlan> {
  try {
    return await planExport(fileSnapshotAccess(dataFolder), segments, syncFor);
  } catch (error) {
    throw planProblem(error);
  }
}

export async function summarizePlan(
  dataFolder: string,
  segments: readonly ExportSegmentInput[],
  syncFor?: SyncFor,
): Promise<ExportPlanSummary> {
  const plan = await planSegments(dataFolder, segments, syncFor);
  try {
    const planned = [];
    for (const segment of plan.segments) {
      const manifest = await readSnapshotManifest(dataFolder, segment.segmentId);
      const misfits = await countMisfits(
        dataFolder,
        segment.segmentId,
        manifest.columns,
        segment.mapping,
      );
      const { segmentId, rows, valid, invalid, duplicates } = segment;
      const changes = changesOf(segment);
      planned.push({
        segmentId,
        rows,
        valid,
        invalid,
        duplicates,
        misfits,
        ...(changes ? { changes } : {}),
      });
    }
    return { segments: planned, totals: plan.totals, large: isLargeExport(plan.totals.valid) };
  } catch (error) {
    throw planProblem(error);
  }
}
