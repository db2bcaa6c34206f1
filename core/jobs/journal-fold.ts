/**
 * The one tally of a job's journal (issue 15, item 5): a single pass over its records that every
 * reader of the job's numbers goes through (the ledger, the retry, the report, the sync steps), so
 * they all count the same records by the same rule:
 * - each batch once per (segment, sequence number): the first record of it that counts;
 * - with the job's manifest, only batch records that fit the job (`recordFitsJob`), so a record
 *   that does not fit never shadows the real one written after it;
 * - each removal group once per (segment, group number): the first record of it. A group is
 *   skipped once journaled as done (mirror-removals.ts), so a second record means a run that did
 *   not see the first; the first is what the ledger's removals and the report's lines were built
 *   from, and every reader now agrees on it;
 * - every other record (run, list, end, removing, listed) as it comes, in order.
 * A torn or broken line is skipped by `readJournal` (journal.ts): that batch was not done.
 */
import { contactsToSend, type JobManifest } from './job-manifest';
import { readJournal } from './journal';
import type { BatchRecord, JournalRecord } from './journal-records';
import { SequenceSet } from './sequence-set';

export interface JournalFoldOptions {
  /** The job's manifest: only batch records that fit the job count. */
  readonly manifest?: JobManifest;
  /**
   * Narrows the batch records further, before a batch is taken as counted: the run checks each
   * record against the batch the snapshot rebuilds (checked-ledger.ts), so a record that fails
   * the check leaves its (segment, sequence) open for a later record that passes.
   */
  readonly accept?: (record: BatchRecord) => boolean;
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

/** Numbers seen per segment: answers true the first time a (segment, number) is met. */
class FirstPerSegment {
  readonly #seen = new Map<number, SequenceSet>();

  first(segment: number, number: number): boolean {
    let seen = this.#seen.get(segment);
    if (!seen) {
      seen = new SequenceSet();
      this.#seen.set(segment, seen);
    }
    if (seen.has(number)) return false;
    seen.add(number);
    return true;
  }
}

/** The journal's records, in order, each batch and each removal group once (see above). */
export async function* foldJournal(
  journalFile: string,
  options: JournalFoldOptions = {},
): AsyncGenerator<JournalRecord> {
  const { manifest, accept } = options;
  const batches = new FirstPerSegment();
  const removals = new FirstPerSegment();
  for await (const record of readJournal(journalFile)) {
    if (record.t === 'batch') {
      if (manifest && !recordFitsJob(record, manifest)) continue;
      if (accept && !accept(record)) continue;
      if (!batches.first(record.seg, record.seq)) continue;
    } else if (record.t === 'removal') {
      if (!removals.first(record.seg, record.seq)) continue;
    }
    yield record;
  }
}

/** The batch records of the fold: each batch once, fitting the job when a manifest is given. */
export async function* foldBatches(
  journalFile: string,
  options: JournalFoldOptions = {},
): AsyncGenerator<BatchRecord> {
  for await (const record of foldJournal(journalFile, options)) {
    if (record.t === 'batch') yield record;
  }
}
