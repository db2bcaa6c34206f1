import { doneSet, type JobLedger } from '../jobs/job-ledger';
import { contactsToSend, type JobManifest } from '../jobs/job-manifest';

/** Every batch of every segment is in the journal. */
export function batchesComplete(manifest: JobManifest, ledger: JobLedger): boolean {
  return manifest.segments.every(
    (segment, index) =>
      doneSet(ledger, index).size >=
      Math.ceil(contactsToSend(segment) / manifest.settings.batchSize),
  );
}
