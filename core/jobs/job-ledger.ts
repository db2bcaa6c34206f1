/**
 * What a job's journal says has happened: which batches are done (per segment), which lists were
 * found, and the running totals. Rebuilt by streaming the journal, so its size never matters;
 * failed rows are counted here and listed only when the report is written.
 */
import { addBatch, segmentTallyAt, sumSegmentTallies, type SegmentTally } from './delivery-tally';
import { contactsToSend, type JobManifest } from './job-manifest';
import type { BatchRecord } from './journal-records';
import { readJournal } from './journal';
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

/** Contacts in batch `seq` of a segment with `valid` contacts: full batches, then the rest. */
function expectedBatchSize(valid: number, batchSize: number, seq: number): number {
  return Math.max(0, Math.min(batchSize, valid - seq * batchSize));
}

/**
 * Whether a batch line can be the record of a batch of this job (issue 12, item 9): a segment it
 * has, a sequence number its batches reach, the size that batch has, and counts that add up. A
 * record that does not fit (a journal from elsewhere, a damaged or edited line) is not a done
 * batch: its rows are sent again and nothing it claims is counted.
 */
export function recordFitsJob(record: BatchRecord, manifest: JobManifest): boolean {
  const segment = manifest.segments[record.seg];
  if (!segment || record.seq < 0 || record.ok < 0 || record.first > record.last) return false;
  const size = expectedBatchSize(contactsToSend(segment), manifest.settings.batchSize, record.seq);
  if (size === 0 || record.size !== size || record.ok + record.failed.length !== size) return false;
  return record.failed.every((row) => row.line >= record.first && row.line <= record.last);
}

/**
 * The ledger of a job's journal. With the job's manifest, only records that fit the job count;
 * `accept` narrows that further (the run checks each record against the batch the snapshot
 * rebuilds: checked-ledger.ts).
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
  for await (const record of readJournal(journalFile)) {
    if (record.t === 'run') {
      if (runStart !== null) elapsedMs += Math.max(0, lastAt - runStart);
      runStart = record.at;
      runs += 1;
    } else if (record.t === 'list') {
      lists.set(record.seg, record.listId);
    } else if (record.t === 'batch') {
      if (manifest && !recordFitsJob(record, manifest)) continue;
      if (!accept(record)) continue;
      const set = doneSet(ledger, record.seg);
      if (set.has(record.seq)) continue; // Written twice (cannot happen, but never count twice).
      set.add(record.seq);
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
