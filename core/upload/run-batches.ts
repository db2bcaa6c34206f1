/**
 * The batches a run still has to send: each segment's selected rows rebuilt into numbered
 * batches from the snapshot, skipping the ones the journal has (a segment whose batches are all
 * done is not read at all).
 */
import { readFile } from 'node:fs/promises';
import { doneSet, type JobLedger } from '../jobs/job-ledger';
import { contactsToSend, type JobManifest } from '../jobs/job-manifest';
import { selectionFile } from '../jobs/job-store';
import type { PlannedBatch } from './batch-delivery';
import { selectedBatches, type SegmentRows } from './batch-source';
import { RowSelection } from './row-selection';
import type { SnapshotAccess } from './snapshot-access';

interface RunBatchesOptions {
  readonly dataFolder: string;
  readonly manifest: JobManifest;
  readonly ledger: JobLedger;
  readonly snapshots: SnapshotAccess;
}

/** Segment `index` of a job as the batches are rebuilt from it: its row selection and its rows. */
export async function jobSegmentRows(
  options: Omit<RunBatchesOptions, 'ledger'>,
  index: number,
): Promise<{ selection: RowSelection; source: SegmentRows }> {
  const { manifest, snapshots, dataFolder } = options;
  const segment = manifest.segments[index] as JobManifest['segments'][number];
  const selection = RowSelection.fromBytes(
    await readFile(selectionFile(dataFolder, manifest.id, index)),
  );
  const snapshot = await snapshots.readManifest(segment.segmentId);
  const source = {
    columns: snapshot.columns,
    mapping: segment.mapping,
    rows: () => snapshots.readRows(segment.segmentId),
  };
  return { selection, source };
}

export async function* batchesToSend(options: RunBatchesOptions): AsyncGenerator<PlannedBatch> {
  const { manifest, ledger } = options;
  const batchSize = manifest.settings.batchSize;
  for (const [index, segment] of manifest.segments.entries()) {
    const done = doneSet(ledger, index);
    if (done.size >= Math.ceil(contactsToSend(segment) / batchSize)) continue;
    const { selection, source } = await jobSegmentRows(options, index);
    yield* selectedBatches(index, source, selection, batchSize, (seq) => done.has(seq));
  }
}
