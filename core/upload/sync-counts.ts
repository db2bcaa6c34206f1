/** How many contacts a job sends per segment: all valid ones, less a sync's unchanged ones. */
import { doneSet, type JobLedger } from '../jobs/job-ledger';
import type { JobManifest, JobSegment } from '../jobs/job-manifest';

export function contactsToSend(segment: Pick<JobSegment, 'valid' | 'sending'>): number {
  return segment.sending ?? segment.valid;
}

/** Every batch of every segment is in the journal. */
export function batchesComplete(manifest: JobManifest, ledger: JobLedger): boolean {
  return manifest.segments.every(
    (segment, index) =>
      doneSet(ledger, index).size >=
      Math.ceil(contactsToSend(segment) / manifest.settings.batchSize),
  );
}
