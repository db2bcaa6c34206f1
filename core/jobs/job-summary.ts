/**
 * A job's counts as the command line's --json summary and the History screen show them
 * (product.md, "The command line"): the job as a whole, across every run it took.
 */
import type { DeliveryTotals } from './job-ledger';
import { contactsToSend, type JobManifest, type JobStatus } from './job-manifest';

export interface JobSummary {
  readonly jobId: string;
  readonly status: JobStatus;
  readonly rows: number;
  /** Contacts to deliver: rows with a usable email and fitting values, one per email. */
  readonly valid: number;
  readonly invalid: number;
  readonly duplicates: number;
  /** Contacts sent and answered for (succeeded + failed). */
  readonly sent: number;
  readonly succeeded: number;
  /** Valid contacts not delivered: refused by the destination or given up after faults. */
  readonly failed: number;
  readonly refused: number;
  readonly givenUp: number;
  /**
   * Contacts to send that were not sent (or not answered for): still to come in a paused job,
   * never sent in a cancelled one (issue 17, item 5).
   */
  readonly unsent: number;
  /** Bulk upsert requests, including retries and the halves of split batches. */
  readonly requests: number;
  readonly rateLimited: number;
  readonly retries: number;
  readonly elapsedMs: number;
}

export function summarizeJob(
  manifest: JobManifest,
  totals: DeliveryTotals,
  elapsedMs: number,
): JobSummary {
  const sum = (pick: (segment: JobManifest['segments'][number]) => number): number =>
    manifest.segments.reduce((total, segment) => total + pick(segment), 0);
  const failed = totals.refused + totals.givenUp;
  return {
    jobId: manifest.id,
    status: manifest.status,
    rows: sum((segment) => segment.rows),
    valid: sum((segment) => segment.valid),
    invalid: sum((segment) => segment.invalid),
    duplicates: sum((segment) => segment.duplicates),
    sent: totals.succeeded + failed,
    succeeded: totals.succeeded,
    failed,
    refused: totals.refused,
    givenUp: totals.givenUp,
    unsent: Math.max(0, sum(contactsToSend) - totals.succeeded - failed),
    requests: totals.requests,
    rateLimited: totals.rateLimited,
    retries: totals.retries,
    elapsedMs: Math.round(elapsedMs),
  };
}
