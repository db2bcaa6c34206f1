/**
 * The mirror's lines of a job's report (issue 13, item 6): everyone taken off a list because they
 * left the segment, and anyone who could not be, with the reason. From the journal's removal
 * records, each group once (journal-fold.ts: the same record the sync summary counts).
 */
import { foldJournal } from '../jobs/journal-fold';
import type { JobManifest } from '../jobs/job-manifest';

const removedReason = 'Taken off the list: no longer in the segment (the list is kept in step).';

export async function writeRemovedRows(
  row: (cells: readonly (string | number)[]) => void,
  manifest: JobManifest,
  journal: string,
): Promise<void> {
  if (!manifest.sync?.mirror) return;
  for await (const record of foldJournal(journal)) {
    if (record.t !== 'removal') continue;
    const name = manifest.segments[record.seg]?.name ?? String(record.seg);
    for (const email of record.removed) row([name, '', email, 'removed', removedReason]);
    for (const failure of record.failed) {
      row([
        name,
        '',
        failure.email,
        'not removed',
        `Could not be taken off the list. ${failure.reason}`,
      ]);
    }
  }
}
