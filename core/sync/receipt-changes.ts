/**
 * The consent receipt of a sync states the preview's counts (issue 13, item 5): new, changed,
 * unchanged and leaving (taken off only when mirroring), and whether everything was sent again.
 */
import type { ConsentReceipt } from '../jobs/job-manifest';
import type { PlannedSegment } from '../upload/export-plan';

export function receiptWithChanges(
  receipt: ConsentReceipt,
  segments: readonly PlannedSegment[],
  sync: { readonly full: boolean; readonly mirror: boolean } | undefined,
): ConsentReceipt {
  if (!sync || !segments.some((segment) => segment.changes)) return receipt;
  const changes = { new: 0, changed: 0, unchanged: 0, leaving: 0, ...sync };
  for (const segment of segments) {
    changes.new += segment.changes?.new ?? segment.valid;
    changes.changed += segment.changes?.changed ?? 0;
    changes.unchanged += segment.changes?.unchanged ?? 0;
    changes.leaving += sync.mirror ? (segment.changes?.leaving ?? 0) : 0;
  }
  return { ...receipt, changes };
}
