/**
 * The counts the Export screen and the consent dialog show, from the upload engine's own plan
 * (core/upload/export-plan.ts), with the values that do not fit their fields tallied in the same
 * pass (a second pass over a million rows doubled the recount, issue 17 item 8).
 */
import type { ExportSegmentInput } from '../../shared/ipc/channels/exports';
import type { ExportPlanSummary, SegmentPlan } from '../../shared/ipc/channels/export-plan';
import { SnapshotError } from '../segments/snapshot-paths';
import { MappingError } from '../upload/contact-builder';
import { isLargeExport, planExport, type ExportPlan } from '../upload/export-plan';
import { fileSnapshotAccess } from '../upload/snapshot-access';
import { createMisfitTally, type MisfitTally } from './count-misfits';
import type { CountedSegment, PlanCache } from './plan-cache';
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

/**
 * The engine's plan: counts, and which rows become contacts (stored with the job). One pass per
 * segment; the values that do not fit are tallied on the way when `misfits` is given.
 */
export async function planSegments(
  dataFolder: string,
  segments: readonly ExportSegmentInput[],
  {
    syncFor,
    misfits,
  }: { readonly syncFor?: SyncFor; readonly misfits?: readonly MisfitTally[] } = {},
): Promise<ExportPlan> {
  const observerFor = (index: number) => {
    const tally = misfits?.[index];
    return tally ? { misfit: tally.add } : {};
  };
  try {
    return await planExport(fileSnapshotAccess(dataFolder), segments, { syncFor, observerFor });
  } catch (error) {
    throw planProblem(error);
  }
}

/** Counts one segment with the engine, or takes the count kept for an equivalent matching. */
async function countSegment(
  dataFolder: string,
  segment: ExportSegmentInput,
  cache: PlanCache | undefined,
): Promise<CountedSegment> {
  const kept = cache?.get(segment.segmentId, segment.mapping);
  if (kept) {
    const planned = { ...kept.planned, mapping: segment.mapping, listName: segment.listName };
    return { planned, misfits: kept.misfits };
  }
  const tally = createMisfitTally();
  const plan = await planSegments(dataFolder, [segment], { misfits: [tally] });
  const planned = plan.segments[0];
  if (!planned) throw new Error('The plan has no segment.');
  const counted = { planned, misfits: tally.result(planned.valid) };
  cache?.set(segment.segmentId, segment.mapping, counted);
  return counted;
}

/**
 * With a sync the counts depend on the list's ledger and on every field sent, and segments sharing
 * a list share their leavers: all are counted together, and never taken from the kept counts.
 */
async function countSegments(
  dataFolder: string,
  segments: readonly ExportSegmentInput[],
  { syncFor, cache }: PlanOptions,
): Promise<CountedSegment[]> {
  if (!syncFor) {
    const counted: CountedSegment[] = [];
    for (const segment of segments) counted.push(await countSegment(dataFolder, segment, cache));
    return counted;
  }
  const tallies = segments.map(() => createMisfitTally());
  const plan = await planSegments(dataFolder, segments, { syncFor, misfits: tallies });
  return plan.segments.map((planned, index) => ({
    planned,
    misfits: (tallies[index] as MisfitTally).result(planned.valid),
  }));
}

function sumTotals(segments: readonly SegmentPlan[]): ExportPlanSummary['totals'] {
  const totals = { rows: 0, valid: 0, invalid: 0, duplicates: 0, optedOut: 0, unsubscribed: 0 };
  let misfitValues = 0;
  for (const segment of segments) {
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += segment[key];
    misfitValues += segment.misfits.reduce((sum, misfit) => sum + misfit.count, 0);
  }
  return { ...totals, misfitValues };
}

export interface PlanOptions {
  readonly syncFor?: SyncFor;
  readonly cache?: PlanCache;
}

export async function summarizePlan(
  dataFolder: string,
  segments: readonly ExportSegmentInput[],
  options: PlanOptions = {},
): Promise<ExportPlanSummary> {
  const planned: SegmentPlan[] = [];
  for (const counted of await countSegments(dataFolder, segments, options)) {
    const { segmentId, rows, valid, invalid, duplicates, optedOut, unsubscribed } = counted.planned;
    const consent = { optedOut: optedOut ?? 0, unsubscribed: unsubscribed ?? 0 };
    const misfits = [...counted.misfits];
    const changes = changesOf(counted.planned);
    planned.push({
      segmentId,
      rows,
      valid,
      invalid,
      duplicates,
      ...consent,
      misfits,
      ...(changes ? { changes } : {}),
    });
  }
  const totals = sumTotals(planned);
  return { segments: planned, totals, large: isLargeExport(totals.valid) };
}
