/** The sync counts of `push` and `resume`'s summary (issue 13): JSON fields and readable lines. */
import type { JobSyncSummary } from '../../core/sync/job-sync-summary';
import { formatCount } from './progress-printer';

export function syncJson(sync: JobSyncSummary): Record<string, unknown> {
  return {
    new: sync.new,
    changed: sync.changed,
    unchanged: sync.unchanged,
    removed: sync.removed,
    removalFailed: sync.removalFailed,
    addedToList: sync.addedToList,
    syncRequests: sync.syncRequests,
    full: sync.full,
    mirror: sync.mirror,
  };
}

export function syncText(sync: JobSyncSummary): string {
  const lines = [
    `  New to the list        ${formatCount(sync.new)}`,
    `  Changed                ${formatCount(sync.changed)}`,
    `  Unchanged              ${formatCount(sync.unchanged)}${sync.full ? ' (sent again)' : ' (not sent)'}`,
  ];
  if (sync.mirror) {
    const failed = sync.removalFailed
      ? ` (${formatCount(sync.removalFailed)} could not be taken off)`
      : '';
    lines.push(`  Taken off the list     ${formatCount(sync.removed)}${failed}`);
  }
  return `${lines.join('\n')}\n`;
}
