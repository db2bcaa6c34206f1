/**
 * What a job's journal says has happened: which batches are done (per segment), which lists were
 * found, and the running totals. Rebuilt by streaming the journal, so its size never matters;
 * failed rows are counted here and listed only when the report is written.
 */
import { addBatch, segmentTallyAt, sumSegmentTallies, type SegmentTally } from './delivery-tally';
import type { JobManifest } from './job-manifest';
import { foldJournal } from './journal-fold';
import type { BatchRecord } from './journal-records';
import { SequenceSet } from './sequence-set';

export interface DeliveryTotals {
  /** Contacts accepted by the destination. */
  succeeded: number;
  /** Contacts refused by the destination (400), with the server's reason. */
  refused: number;
  /** Contacts not delivered after repeated faults. */
  givenUp: number;
  requests: number;
  rateLimited: number;
  retries: number;
}

export interface JobLedger {
  readonly done: Map<number, SequenceSet>;
  readonly lists: Map<number, string>;
  /** The whole job's totals; succeeded, refused and givenUp are the sum of `segments`. */
  readonly totals: DeliveryTotals;
  /** What was answered for in each segment (one per segment of the manifest, when given). */
  readonly segments: SegmentTally[];
  /** Time spent running, summed over every run (including runs cut short by a crash). */
  readonly elapsedMs: number;
  readonly runs: number;
}

function emptyTotals(): DeliveryTotals {
  return { succeeded: 0, refused: 0, givenUp: 0, requests: 0, rateLimited: 0, retries: 0 };
}

export function doneSet(ledger: JobLedger, segment: number): SequenceSet {
  let set = ledger.done.get(segment);
  if (!set) {
    set = new SequenceSet();
    ledger.done.set(segment, set);
  }
  return set;
}

/**
 * The ledger of a job's journal, from the one fold (journal-fold.ts): each batch counted once and,
 * with the job's manifest, only records that fit the job; `accept` narrows that further (the run
 * checks each record against the batch the snapshot rebuilds: checked-ledger.ts).
 */
export async function readJobLedger(
  journalFile: string,
  manifest?: JobManifest,
  accept: (record: BatchRecord) => boolean = () => true,
): Promise<JobLedger> {
  const done = new Map<number, SequenceSet>();
  const lists = new Map<number, string>();
  const totals = emptyTotals();
  const segments: SegmentTally[] = [];
  if (manifest) segmentTallyAt(segments, manifest.segments.length - 1);
  let elapsedMs = 0;
  let runs = 0;
  let runStart: number | null = null;
  let lastAt = 0;
  const ledger = { done, lists, totals, segments, elapsedMs, runs };
  for await (const record of foldJournal(journalFile, { manifest, accept })) {
    if (record.t === 'run') {
      if (runStart !== null) elapsedMs += Math.max(0, lastAt - runStart);
      runStart = record.at;
      runs += 1;
    } else if (record.t === 'list') {
      lists.set(record.seg, record.listId);
    } else if (record.t === 'batch') {
      doneSet(ledger, record.seg).add(record.seq);
      addBatch(segmentTallyAt(segments, record.seg), record.ok, record.failed);
      totals.requests += record.requests;
      totals.rateLimited += record.rateLimited;
      totals.retries += record.retries;
    }
    lastAt = Math.max(lastAt, record.at);
  }
  if (runStart !== null) elapsedMs += Math.max(0, lastAt - runStart);
  Object.assign(totals, sumSegmentTallies(segments));
  return { done, lists, totals, segments, elapsedMs, runs };
}
