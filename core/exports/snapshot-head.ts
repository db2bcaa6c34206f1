import type { SnapshotRow } from '../segments/snapshot-format';
import { readSnapshotRows } from '../segments/snapshot-store';

/** Calls `visit` with each row in file order until it returns false or the rows end. */
export async function visitSnapshotRows(
  dataFolder: string,
  segmentId: string,
  visit: (row: SnapshotRow) => boolean,
): Promise<void> {
  for await (const row of readSnapshotRows(dataFolder, segmentId)) {
    if (!visit(row)) return;
  }
}
