/**
 * The ledger a run starts from, each journaled batch checked against the batch the snapshot
 * rebuilds (issue 12, item 9): a record whose sequence, size, first or last row differ from what
 * the snapshot and the row selection make now is not done, so its rows are sent again and the
 * summary never counts what it claims. Reads the journal twice and the snapshot of each segment
 * with done batches once; a first run (no batch recorded) reads neither. Both reads are the one
 * fold (journal-fold.ts); the second is needed because which snapshots to rebuild is known only
 * from the first, and the check (`accept`) runs before a batch is counted once, so a record that
 * fails it leaves its batch open for a later record that passes.
 */
import { readFile } from 'node:fs/promises';
import { batchBounds, SelectionMismatchError } from '../upload/batch-source';
import { RowSelection } from '../upload/row-selection';
import type { SnapshotAccess } from '../upload/snapshot-access';
import { JobDamagedError } from './job-damage';
import { readJobLedger, type JobLedger } from './job-ledger';
import type { JobManifest } from './job-manifest';
import { jobFile, selectionFile } from './job-store';
import type { BatchRecord } from './journal-records';

/** First and last source line of each batch of one segment, by sequence number. */
type SegmentBounds = Map<number, readonly [number, number]>;

async function readSelection(dataFolder: string, manifest: JobManifest, index: number) {
  try {
    return RowSelection.fromBytes(await readFile(selectionFile(dataFolder, manifest.id, index)));
  } catch {
    throw new JobDamagedError(manifest.id, 'a list of rows to send is missing or unreadable.');
  }
}

async function segmentBounds(
  dataFolder: string,
  manifest: JobManifest,
  index: number,
  snapshots: SnapshotAccess,
): Promise<SegmentBounds> {
  const segment = manifest.segments[index] as JobManifest['segments'][number];
  const selection = await readSelection(dataFolder, manifest, index);
  const bounds: SegmentBounds = new Map();
  try {
    const rows = snapshots.readRows(segment.segmentId);
    for await (const batch of batchBounds(rows, selection, manifest.settings.batchSize)) {
      bounds.set(batch.seq, [batch.first, batch.last]);
    }
  } catch (error) {
    if (error instanceof JobDamagedError) throw error;
    const detail =
      error instanceof SelectionMismatchError
        ? `the saved copy of “${segment.name}” no longer matches the export.`
        : `the saved copy of “${segment.name}” cannot be read whole.`;
    throw new JobDamagedError(manifest.id, detail);
  }
  return bounds;
}

function matches(bounds: Map<number, SegmentBounds>, record: BatchRecord): boolean {
  const expected = bounds.get(record.seg)?.get(record.seq);
  return expected !== undefined && expected[0] === record.first && expected[1] === record.last;
}

export async function readCheckedLedger(
  dataFolder: string,
  manifest: JobManifest,
  snapshots: SnapshotAccess,
): Promise<JobLedger> {
  const journal = jobFile(dataFolder, manifest.id, 'journal');
  const claimed = await readJobLedger(journal, manifest);
  const bounds = new Map<number, SegmentBounds>();
  for (const [index, done] of claimed.done) {
    if (done.size > 0)
      bounds.set(index, await segmentBounds(dataFolder, manifest, index, snapshots));
  }
  if (bounds.size === 0) return claimed;
  return readJobLedger(journal, manifest, (record) => matches(bounds, record));
}
