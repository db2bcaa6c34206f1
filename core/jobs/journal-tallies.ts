/**
 * Which rows of each segment the journal's batches did not deliver, by source line number: for
 * "Retry failed rows" (the given-up rows) and for the sync steps (every failed row, left out of
 * the contacts delivered). From the one fold (journal-fold.ts), so these lines always belong to
 * the batches the job's ledger counts (job-ledger.ts, delivery-tally.ts).
 */
import type { JobManifest } from './job-manifest';
import { foldBatches } from './journal-fold';
import type { RowFailure } from './journal-records';

/** Segment → source line numbers of its failed rows. */
export type FailedLines = Map<number, Set<number>>;

/**
 * The failed rows of every segment, in one pass, each batch once; with the job's manifest, only
 * batches that fit the job, so a per-segment count never claims more than the job's own ledger
 * does. `keep` picks the kinds of failure wanted.
 */
export async function readFailedLines(
  journalFile: string,
  manifest?: JobManifest,
  keep: (failure: RowFailure) => boolean = () => true,
): Promise<FailedLines> {
  const lines: FailedLines = new Map();
  for await (const batch of foldBatches(journalFile, { manifest })) {
    for (const failure of batch.failed) {
      if (!keep(failure)) continue;
      const set = lines.get(batch.seg) ?? new Set<number>();
      set.add(failure.line);
      lines.set(batch.seg, set);
    }
  }
  return lines;
}

/**
 * Source line numbers of the rows given up after repeated faults (server errors, resets,
 * timeouts), per segment: the rows worth sending again. Refused rows are left out on purpose:
 * Autopilot judged their data and would refuse the same data again.
 */
export function readGivenUpLines(
  journalFile: string,
  manifest?: JobManifest,
): Promise<FailedLines> {
  return readFailedLines(journalFile, manifest, (failure) => failure.kind === 'given-up');
}
