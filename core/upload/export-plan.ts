/**
 * What an export will send, counted before anything is sent: per segment, the rows, the contacts
 * (valid, one per email) and the rows left out. The consent dialog, the command line's dry run and
 * the job's receipt all show these numbers.
 */
import type { FieldMapping } from '../../shared/matching/field-mapping';
import type { SegmentCounts } from '../jobs/job-manifest';
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
}

export interface ExportPlan {
  readonly segments: readonly PlannedSegment[];
  readonly totals: PlanTotals;
}

export async function planSegment(
  snapshots: SnapshotAccess,
  request: ExportSegmentRequest,
  onSkipped: (row: SkippedRow) => void = () => undefined,
  observer: SentRowObserver = {},
): Promise<PlannedSegment> {
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
    sent(contact) {
      if (contact.unsubscribe) counts.unsubscribed += 1;
      observer.sent?.(contact);
    },
  });
  return {
    rows: selection.rows,
    valid: selection.selected,
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
  };
}

export type PlanTotals = Required<
  Pick<PlannedSegment, 'rows' | 'valid' | 'invalid' | 'duplicates' | 'optedOut' | 'unsubscribed'>
>;

export async function planExport(
  snapshots: SnapshotAccess,
  requests: readonly ExportSegmentRequest[],
  observerFor: (index: number) => SentRowObserver = () => ({}),
): Promise<ExportPlan> {
  const segments: PlannedSegment[] = [];
  for (const [index, request] of requests.entries()) {
    segments.push(await planSegment(snapshots, request, undefined, observerFor(index)));
  }
  const totals = { rows: 0, valid: 0, invalid: 0, duplicates: 0, optedOut: 0, unsubscribed: 0 };
  for (const segment of segments) {
    for (const key of Object.keys(totals) as (keyof PlanTotals)[]) totals[key] += segment[key] ?? 0;
  }
  return { segments, totals };
}
