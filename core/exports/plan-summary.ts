/**
 * The counts the Export screen and the consent dialog show, from the upload engine's own plan
 * (core/upload/export-plan.ts), with the values that do not fit their fields tallied in the same
 * pass (a second pass over a million rows doubled the recount, issue 17 item 8). The same pass
 * records the column facts that answer later matching changes without reading again
 * (core/exports/column-facts.ts), and a count superseded by a newer one stops.
 */
import type { ExportSegmentInput } from '../../shared/model/exports';
import type { ExportPlanSummary, SegmentPlan } from '../../shared/model/export-plan';
import { SnapshotError } from '../segments/snapshot-paths';
import { MappingError } from '../upload/contact-builder';
import type { SentRowObserver } from '../upload/batch-source';
import {
  isLargeExport,
  planExport,
  type ExportPlan,
  type SegmentSync,
} from '../upload/export-plan';
import { fileSnapshotAccess } from '../upload/snapshot-access';
import { recordColumnFacts, type ColumnFactsRecorder } from './column-facts';
import { createMisfitTally, type MisfitTally } from './count-misfits';
import { recountFromFacts } from './facts-recount';
import type { CountedSegment } from './count-misfits';
import type { PlanCache } from './plan-cache';
import { changesOf, type SyncFor } from './sync-plan';
import { ExportsError } from './exports-error';
import { exportErrorCodes } from '../../shared/model/exports';

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
 * segment; `observers` (one per segment) hear the values that do not fit and every row on the way.
 */
export async function planSegments(
  dataFolder: string,
  segments: readonly ExportSegmentInput[],
  {
    syncFor,
    observers,
  }: { readonly syncFor?: SyncFor; readonly observers?: readonly SentRowObserver[] } = {},
): Promise<ExportPlan> {
  const observerFor = (index: number) => observers?.[index] ?? {};
  try {
    return await planExport(fileSnapshotAccess(dataFolder), segments, { syncFor, observerFor });
  } catch (error) {
    throw planProblem(error);
  }
}

/** How often a count looks whether a newer one replaced it: a few milliseconds of rows. */
const supersededCheckRows = 4096;

/** What a count of one segment hears: misfits for the screen, every row for the facts. */
function countingObserver(
  tally: MisfitTally,
  recorder: ColumnFactsRecorder | undefined,
  stillWanted: (() => boolean) | undefined,
): SentRowObserver {
  let rows = 0;
  return {
    misfit: tally.add,
    judged(cells, firstOfEmail) {
      rows += 1;
      if (rows % supersededCheckRows === 0 && stillWanted && !stillWanted()) {
        throw new ExportsError(
          exportErrorCodes.countSuperseded,
          'A newer count of these segments replaced this one.',
        );
      }
      recorder?.judged(cells, firstOfEmail);
    },
  };
}

/** Reads every row, recording the column facts when there is a cache to keep them in. */
async function countInFull(
  dataFolder: string,
  segment: ExportSegmentInput,
  { cache, stillWanted }: CountOptions,
): Promise<CountedSegment> {
  const manifest = cache
    ? await fileSnapshotAccess(dataFolder)
        .readManifest(segment.segmentId)
        .catch((error: unknown) => Promise.reject(planProblem(error)))
    : undefined;
  const recorder = manifest && recordColumnFacts(manifest.columns.length, manifest.rowCount);
  const tally = createMisfitTally();
  const observers = [countingObserver(tally, recorder, stillWanted)];
  const plan = await planSegments(dataFolder, [segment], { observers });
  const planned = plan.segments[0];
  if (!planned) throw new Error('The plan has no segment.');
  const counted = { planned, misfits: tally.result(planned.valid) };
  if (manifest && recorder) {
    const kept = { columns: manifest.columns, facts: recorder.finish(), counted: planned };
    cache?.keepFacts(segment.segmentId, segment.mapping.email, kept);
  }
  return counted;
}

/** The count from the facts of an earlier count under the same email column, if they tell. */
function countFromFacts(
  segment: ExportSegmentInput,
  cache: PlanCache | undefined,
): CountedSegment | undefined {
  const kept = cache?.facts(segment.segmentId, segment.mapping.email);
  try {
    return kept && recountFromFacts(kept, segment.mapping, segment.listName);
  } catch (error) {
    throw planProblem(error);
  }
}

interface CountOptions {
  readonly cache?: PlanCache;
  /** False once a newer count of the same segments started. */
  readonly stillWanted?: () => boolean;
}

/** Counts one segment: the count kept for an equivalent matching, the facts, or the engine. */
async function countSegment(
  dataFolder: string,
  segment: ExportSegmentInput,
  options: CountOptions,
): Promise<CountedSegment> {
  const { cache } = options;
  const kept = cache?.get(segment.segmentId, segment.mapping);
  if (kept) {
    const planned = { ...kept.planned, mapping: segment.mapping, listName: segment.listName };
    return { planned, misfits: kept.misfits };
  }
  const counted =
    countFromFacts(segment, cache) ?? (await countInFull(dataFolder, segment, options));
  cache?.set(segment.segmentId, segment.mapping, counted);
  return counted;
}

/** A count against an empty ledger, as the engine's sync makes it (core/sync/change-counter.ts). */
function withEveryoneNew(counted: CountedSegment, sync: SegmentSync | undefined): CountedSegment {
  if (!sync) return counted;
  const changes = { new: counted.planned.valid, changed: 0, unchanged: 0, leaving: 0 };
  const facts = { listId: sync.location.listId, changes, leavers: [], knownMembers: 0 };
  return { ...counted, planned: { ...counted.planned, ...facts } };
}

/**
 * With a sync against a ledger that knows someone, the counts depend on it and on every field
 * sent, and segments sharing a list share their leavers: all are counted together, and never
 * taken from the kept counts.
 */
async function countSegments(
  dataFolder: string,
  segments: readonly ExportSegmentInput[],
  { syncFor, cache }: PlanOptions,
): Promise<CountedSegment[]> {
  const stillWanted = cache?.begin(segments.map((segment) => segment.segmentId));
  const syncs = syncFor ? await Promise.all(segments.map((segment) => syncFor(segment))) : [];
  // Lists this app never delivered to: everyone is new and nobody leaves, so the counts are the
  // ones without a sync (which matching changes take from the kept counts and facts), all new.
  if (syncs.every((sync) => !sync || sync.ledger.size === 0)) {
    const counted: CountedSegment[] = [];
    for (const [index, segment] of segments.entries()) {
      const plain = await countSegment(dataFolder, segment, { cache, stillWanted });
      counted.push(withEveryoneNew(plain, syncs[index]));
    }
    return counted;
  }
  const tallies = segments.map(() => createMisfitTally());
  const observers = tallies.map((tally) => countingObserver(tally, undefined, stillWanted));
  const plan = await planSegments(dataFolder, segments, { syncFor, observers });
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

interface PlanOptions {
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
