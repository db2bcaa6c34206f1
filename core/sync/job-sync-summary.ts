/**
 * A job's sync counts for its summary (issue 13, item 6): per segment and in all, new, changed and
 * unchanged (fixed when the export was counted), removed (from the journal: taken off the list by
 * the mirror so far), and whether the job sent everything again or mirrored.
 */
import type { JobManifest } from '../jobs/job-manifest';
import { jobFile } from '../jobs/job-store';
import { readSyncJournal, syncTotals } from './sync-journal';

interface SegmentSyncCounts {
  readonly new: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly removed: number;
  readonly removalFailed: number;
  readonly addedToList: number;
}

export interface JobSyncSummary extends SegmentSyncCounts {
  readonly full: boolean;
  readonly mirror: boolean;
  readonly segments: readonly SegmentSyncCounts[];
  /** Requests of the sync steps (membership checks and additions, removals), apart from upserts. */
  readonly syncRequests: number;
}

export async function summarizeJobSync(
  dataFolder: string,
  manifest: JobManifest,
): Promise<JobSyncSummary> {
  const journal = await readSyncJournal(jobFile(dataFolder, manifest.id, 'journal'));
  const segments = manifest.segments.map((segment, index) => {
    const totals = syncTotals(journal, index);
    // A job from before syncing sent every valid contact as if new.
    const changes = segment.changes ?? { new: segment.valid, changed: 0, unchanged: 0 };
    return {
      new: changes.new,
      changed: changes.changed,
      unchanged: changes.unchanged,
      removed: totals.removed,
      removalFailed: totals.removalFailed,
      addedToList: totals.addedToList,
    };
  });
  const sum = (pick: (segment: SegmentSyncCounts) => number) =>
    segments.reduce((total, segment) => total + pick(segment), 0);
  return {
    full: manifest.sync?.full ?? false,
    mirror: manifest.sync?.mirror ?? false,
    new: sum((segment) => segment.new),
    changed: sum((segment) => segment.changed),
    unchanged: sum((segment) => segment.unchanged),
    removed: sum((segment) => segment.removed),
    removalFailed: sum((segment) => segment.removalFailed),
    addedToList: sum((segment) => segment.addedToList),
    segments,
    syncRequests: syncTotals(journal).requests,
  };
}
