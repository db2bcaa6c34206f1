/**
 * The mirror's lines of a job's report (issue 13, item 6): everyone taken off a list because they
 * left the segment, and anyone who could not be, with the reason. From the journal's removal
 * records, each group once.
 */
import { readJournal } from '../jobs/journal';
import type { JobManifest } from '../jobs/job-manifest';

const removedReason = 'Taken off the list: no longer in the segment (the list is kept in step).';

export async function writeRemovedRows(
  row: (cells: readonly (string | number)[]) => void,
  manifest: JobManifest,
  journal: string,
): Promise<void> {
  if (!manifest.sync?.mirror) return;
  const seen = new Set<string>();
  for await (const record of readJournal(journal)) {
    if (record.t !== 'removal' || seen.has(`${record.seg}:${record.seq}`)) continue;
    seen.add(`${record.seg}:${record.seq}`);
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
