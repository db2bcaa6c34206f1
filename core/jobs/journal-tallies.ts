/**
 * The rows "Retry failed rows" sends again, read from the journal's batch records, each batch
 * counted once however often it was written. The counts per segment are the ledger's
 * (job-ledger.ts, delivery-tally.ts).
 */
import { recordFitsJob } from './job-ledger';
import type { JobManifest } from './job-manifest';
import { readJournal } from './journal';
import type { BatchRecord } from './journal-records';
import { SequenceSet } from './sequence-set';

/**
 * Every batch record of the journal, once per (segment, sequence number); with the job's manifest,
 * only records that fit the job (job-ledger.ts), so a per-segment count never claims more than
 * the job's own ledger does.
 */
async function* uniqueBatches(
  journalFile: string,
  manifest?: JobManifest,
): AsyncGenerator<BatchRecord> {
  const seen = new Map<number, SequenceSet>();
  for await (const record of readJournal(journalFile)) {
    if (record.t !== 'batch') continue;
    if (manifest && !recordFitsJob(record, manifest)) continue;
    const done = seen.get(record.seg) ?? new SequenceSet();
    seen.set(record.seg, done);
    if (done.has(record.seq)) continue;
    done.add(record.seq);
    yield record;
  }
}

/**
 * Source line numbers of the rows given up after repeated faults (server errors, resets,
 * timeouts), per segment: the rows worth sending again. Refused rows are left out on purpose:
 * Autopilot judged their data and would refuse the same data again.
 */
export async function readGivenUpLines(
  journalFile: string,
  manifest?: JobManifest,
): Promise<Map<number, Set<number>>> {
  const lines = new Map<number, Set<number>>();
  for await (const batch of uniqueBatches(journalFile, manifest)) {
    for (const failure of batch.failed) {
      if (failure.kind !== 'given-up') continue;
      const set = lines.get(batch.seg) ?? new Set<number>();
      set.add(failure.line);
      lines.set(batch.seg, set);
    }
  }
  return lines;
}
