/**
 * The counts the Export screen and the consent dialog show, from the upload engine's own plan
 * (core/upload/export-plan.ts), with the values that do not fit their fields tallied in the same
 * pass (a second pass over a million rows doubled the recount, issue 17 item 8).
 */
import type { ExportPlanSummary, ExportSegmentInput } from '../../shared/ipc/channels/exports';
import { SnapshotError } from '../segments/snapshot-paths';
import { MappingError } from '../upload/contact-builder';
import { isLargeExport, planExport, type ExportPlan } from '../upload/export-plan';
import { fileSnapshotAccess } from '../upload/snapshot-access';
import { createMisfitTally, type MisfitTally } from './count-misfits';
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

/**
 * The engine's plan: counts, and which rows become contacts (stored with the job). One pass per
 * segment; the values that do not fit are tallied on the way when `misfits` is given.
 */
export async function planSegments(
  dataFolder: string,
  segments: readonly ExportSegmentInput[],
  misfits?: readonly MisfitTally[],
): Promise<ExportPlan> {
  try {
    return await planExport(fileSnapshotAccess(dataFolder), segments, (index) => {
      const tally = misfits?.[index];
      return tally ? { misfit: tally.add } : {};
    });
  } catch (error) {
    throw planProblem(error);
  }
}

export async function summarizePlan(
  dataFolder: string,
  segments: readonly ExportSegmentInput[],
): Promise<ExportPlanSummary> {
  const tallies = segments.map(() => createMisfitTally());
  const plan = await planSegments(dataFolder, segments, tallies);
  const planned = plan.segments.map((segment, index) => {
    const { segmentId, rows, valid, invalid, duplicates, optedOut, unsubscribed } = segment;
    const misfits = tallies[index]?.result(valid) ?? [];
    const consent = { optedOut: optedOut ?? 0, unsubscribed: unsubscribed ?? 0 };
    return { segmentId, rows, valid, invalid, duplicates, ...consent, misfits };
  });
  const misfitValues = planned.reduce(
    (sum, segment) => sum + segment.misfits.reduce((inner, misfit) => inner + misfit.count, 0),
    0,
  );
  return {
    segments: planned,
    totals: { ...plan.totals, misfitValues },
    large: isLargeExport(plan.totals.valid),
  };
}
