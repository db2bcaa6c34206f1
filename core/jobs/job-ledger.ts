/**
 * What a job's journal says has happened: which batches are done (per segment), which lists were
 * found, and the running totals. Rebuilt by streaming the journal, so its size never matters;
 * failed rows are counted here and listed only when the report is written.
 */
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
  readonly totals: DeliveryTotals;
  /** Time spent running, summed over every run (including runs cut short by a crash). */
  readonly elapsedMs: number;
  readonly runs: number;
}

export function emptyTotals(): DeliveryTotals {
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

export async function readJobLedger(journalFile: string): Promise<JobLedger> {
  const done = new Map<number, SequenceSet>();
  const lists = new Map<number, string>();
  const totals = emptyTotals();
  let elapsedMs = 0;
  let runs = 0;
  let runStart: number | null = null;
  let lastAt = 0;
  const ledger = { done, lists, totals, elapsedMs, runs };
  for await (const record of readJournal(journalFile)) {
    if (record.t === 'run') {
      if (runStart !== null) elapsedMs += Math.max(0, lastAt - runStart);
      runStart = record.at;
      runs += 1;
    } else if (record.t === 'list') {
      lists.set(record.seg, record.listId);
    } else if (record.t === 'batch') {
      const set = doneSet(ledger, record.seg);
      if (set.has(record.seq)) continue; // Written twice (cannot happen, but never count twice).
      set.add(record.seq);
      totals.succeeded += record.ok;
      for (const failure of record.failed) {
        if (failure.kind === 'refused') totals.refused += 1;
        else totals.givenUp += 1;
      }
      totals.requests += record.requests;
      totals.rateLimited += record.rateLimited;
      totals.retries += record.retries;
    }
    lastAt = Math.max(lastAt, record.at);
  }
  if (runStart !== null) elapsedMs += Math.max(0, lastAt - runStart);
  return { done, lists, totals, elapsedMs, runs };
}
