/**
 * What an export will send, counted before anything is sent: per segment, the rows, the contacts
 * (valid, one per email) and the rows left out. The consent dialog, the command line's dry run and
 * the job's receipt all show these numbers.
 */
import type { OutgoingContact } from '../destination-port/destination';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import type { SegmentChanges, SegmentCounts } from '../jobs/job-manifest';
import { ChangeCounter } from '../sync/change-counter';
import { findLeavers } from '../sync/delivery-ledger';
import type { LedgerIndex } from '../sync/ledger-index';
import type { LedgerLocation } from '../sync/ledger-paths';
import { selectRows, type SentRowObserver, type SkippedRow } from './batch-source';
import type { RowSelection } from './row-selection';
import type { SnapshotAccess } from './snapshot-access';

/** product.md: "no more than 100,000 profiles in total is recommended"; above it we warn only. */
export const largeExportThreshold = 100_000;

export function isLargeExport(profiles: number): boolean {
  return profiles > largeExportThreshold;
}

export function largeExportWarning(profiles: number): string {
  return (
    `This export has ${profiles.toLocaleString('en-US')} profiles. Autopilot recommends no more ` +
    `than ${largeExportThreshold.toLocaleString('en-US')} in one export: it can take a few hours, ` +
    'and your Autopilot contract may limit how many contacts you can have. It will still run.'
  );
}

export interface ExportSegmentRequest {
  readonly segmentId: string;
  readonly listName: string;
  readonly mapping: FieldMapping;
  /** The account's list, when the person picked one (else found by name, or created). */
  readonly listId?: string;
}

/** How a segment is judged against its list's delivery ledger (issue 13). */
export interface SegmentSync {
  readonly location: LedgerLocation;
  readonly ledger: LedgerIndex;
  /** "Send everything again": unchanged contacts are sent too (and still counted). */
  readonly full: boolean;
}

export interface PlannedSegment extends SegmentCounts {
  /** Rows left out because their consent column says no (not in `invalid`: its own reason). */
  readonly optedOut?: number;
  /** Contacts sent suppressed because their consent column says no. */
  readonly unsubscribed?: number;
  readonly segmentId: string;
  readonly name: string;
  readonly listName: string;
  readonly mapping: FieldMapping;
  readonly source: { readonly fileName: string; readonly sha256: string; readonly size: number };
  /** Which rows become contacts; stored with the job so runs rebuild the same batches. */
  readonly selection: RowSelection;
  /** With a sync: the list's id, the counts, and who left the segment (by email). */
  readonly listId?: string;
  readonly changes?: SegmentChanges;
  readonly leavers?: readonly string[];
  /** Members of the list the ledger knows (the base of the mass-removal question). */
  readonly knownMembers?: number;
  /** The segment's email keys, ascending (to find leavers across segments sharing a list). */
  readonly contactKeys?: Float64Array;
}

export interface ExportPlan {
  readonly segments: readonly PlannedSegment[];
  readonly totals: PlanTotals;
}

/** What a caller adds to counting a segment: a sync's ledger, an observer of the rows sent. */
interface SegmentPlanHooks {
  readonly sync?: SegmentSync;
  readonly observer?: SentRowObserver;
}

async function planSegment(
  snapshots: SnapshotAccess,
  request: ExportSegmentRequest,
  onSkipped: (row: SkippedRow) => void = () => undefined,
  { sync, observer = {} }: SegmentPlanHooks = {},
): Promise<PlannedSegment> {
  const counter = sync ? new ChangeCounter(sync.ledger, sync.full) : null;
  const manifest = await snapshots.readManifest(request.segmentId);
  const counts = { invalid: 0, duplicates: 0, optedOut: 0, unsubscribed: 0 };
  const source = {
    columns: manifest.columns,
    mapping: request.mapping,
    rowCount: manifest.rowCount,
    rows: () => snapshots.readRows(request.segmentId),
  };
  const countSkipped = (row: SkippedRow) => {
    if (row.kind === 'invalid') counts.invalid += 1;
    else if (row.kind === 'opted-out') counts.optedOut += 1;
    else counts.duplicates += 1;
    onSkipped(row);
  };
  const selection = await selectRows(source, countSkipped, {
    ...observer,
    ...(counter ? { keep: (contact: OutgoingContact) => counter.judge(contact) } : {}),
    sent(contact) {
      if (contact.unsubscribe) counts.unsubscribed += 1;
      observer.sent?.(contact);
    },
  });
  const synced = sync && counter ? await syncFacts(sync, counter) : {};
  return {
    rows: selection.rows,
    // Unchanged contacts are not selected (not sent) but are still the segment's contacts.
    valid: selection.selected + (counter && !sync?.full ? counter.counts.unchanged : 0),
    ...counts,
    selection,
    segmentId: request.segmentId,
    name: manifest.name,
    listName: request.listName,
    mapping: request.mapping,
    source: {
      fileName: manifest.source.fileName,
      sha256: manifest.source.sha256,
      size: manifest.source.size,
    },
    ...synced,
  };
}

async function syncFacts(sync: SegmentSync, counter: ChangeCounter) {
  const contactKeys = counter.keys.sorted();
  const leavers = await findLeavers(sync.location, sync.ledger, contactKeys);
  return {
    listId: sync.location.listId,
    changes: { ...counter.counts, leaving: leavers.length },
    leavers,
    knownMembers: sync.ledger.size,
    contactKeys,
  };
}

/**
 * Segments sending to the same list: someone in one of them has not left the list, so the leavers
 * are the members in none of them, taken off once (with the first segment).
 */
async function shareLeavers(
  sync: SegmentSync,
  segments: readonly PlannedSegment[],
): Promise<PlannedSegment[]> {
  const all = segments.flatMap((segment) => [...(segment.contactKeys ?? [])]);
  const leavers = await findLeavers(sync.location, sync.ledger, new Float64Array(all).sort());
  return segments.map((segment, index) => {
    const mine = index === 0 ? leavers : [];
    const changes = segment.changes && { ...segment.changes, leaving: mine.length };
    return { ...segment, leavers: mine, ...(changes ? { changes } : {}) };
  });
}

/** product.md: a mirror taking off more than a fifth of the members the ledger knows asks first. */
export function isMassRemoval(segment: Pick<PlannedSegment, 'leavers' | 'knownMembers'>): boolean {
  const leaving = segment.leavers?.length ?? 0;
  return leaving > 0 && leaving * 5 > (segment.knownMembers ?? 0);
}

type PlanTotals = Required<
  Pick<PlannedSegment, 'rows' | 'valid' | 'invalid' | 'duplicates' | 'optedOut' | 'unsubscribed'>
>;

/** How each segment of an export is counted: against its list's ledger, with an observer. */
export interface ExportPlanHooks {
  readonly syncFor?: (request: ExportSegmentRequest) => Promise<SegmentSync | undefined>;
  readonly observerFor?: (index: number) => SentRowObserver;
}

export async function planExport(
  snapshots: SnapshotAccess,
  requests: readonly ExportSegmentRequest[],
  { syncFor, observerFor }: ExportPlanHooks = {},
): Promise<ExportPlan> {
  const segments: PlannedSegment[] = [];
  const byList = new Map<SegmentSync, number[]>();
  for (const [index, request] of requests.entries()) {
    const sync = await syncFor?.(request);
    if (sync) byList.set(sync, [...(byList.get(sync) ?? []), segments.length]);
    const hooks = { sync, observer: observerFor?.(index) };
    segments.push(await planSegment(snapshots, request, undefined, hooks));
  }
  for (const [sync, indices] of byList) {
    if (indices.length < 2) continue;
    const shared = await shareLeavers(
      sync,
      indices.map((index) => segments[index] as PlannedSegment),
    );
    indices.forEach((index, at) => (segments[index] = shared[at] as PlannedSegment));
  }
  const totals = { rows: 0, valid: 0, invalid: 0, duplicates: 0, optedOut: 0, unsubscribed: 0 };
  for (const segment of segments) {
    for (const key of Object.keys(totals) as (keyof PlanTotals)[]) totals[key] += segment[key] ?? 0;
  }
  return { segments, totals };
}
