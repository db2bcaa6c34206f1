/**
 * "Retry failed rows": a new job over the same segment snapshots and destination that selects
 * only the rows the first job gave up on after repeated faults (5xx answers, resets, timeouts:
 * causes that pass). Rows Autopilot refused are not retried (its judgement of the same data would
 * not change; the report lists them to fix at the source), nor invalid or duplicate rows. The new
 * job records its own consent receipt, given in the confirmation the app asks for (or `--consent`
 * to the command line's `retry`), and a link to the job it retries. Used by the app's main process
 * and the command line alike.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildConsentReceipt } from './consent';
import { createJob } from './create-job';
import type { JobManifest } from './job-manifest';
import { jobFile, jobFolder, listJobIds, readJobManifest, selectionFile } from './job-store';
import type { PlannedSegment } from '../upload/export-plan';
import { RowSelection } from '../upload/row-selection';
import type { SnapshotAccess } from '../upload/snapshot-access';
import { readGivenUpLines } from './journal-tallies';

const retryOfFile = 'retry-of.json';

/** Only a finished job has failed rows that will stay failed; a paused one is resumed instead. */
export const retryableStatuses: readonly JobManifest['status'][] = [
  'completed_with_errors',
  'cancelled',
];

export class RetryError extends Error {
  override readonly name = 'RetryError';
  constructor(
    readonly kind: 'nothing-to-retry' | 'segment-missing' | 'not-finished',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Picks, in a fresh selection over the whole snapshot, the rows whose line is in `lines`. */
async function selectLines(
  snapshots: SnapshotAccess,
  segment: JobManifest['segments'][number],
  original: RowSelection,
  lines: ReadonlySet<number>,
): Promise<RowSelection> {
  const selection = new RowSelection();
  let index = 0;
  try {
    for await (const row of snapshots.readRows(segment.segmentId)) {
      selection.push(original.has(index) && lines.has(row.line));
      index += 1;
    }
  } catch {
    throw new RetryError(
      'segment-missing',
      `The saved copy of the segment “${segment.name}” is gone, so its rows cannot be sent again. Import the file again and export it.`,
    );
  }
  return selection;
}

/** The segments a retry would send: only the rows given up after faults, per segment. */
export async function plannedRetry(
  dataFolder: string,
  manifest: JobManifest,
  snapshots: SnapshotAccess,
): Promise<PlannedSegment[]> {
  const givenUp = await readGivenUpLines(jobFile(dataFolder, manifest.id, 'journal'), manifest);
  const planned: PlannedSegment[] = [];
  for (const [index, segment] of manifest.segments.entries()) {
    const lines = givenUp.get(index);
    if (!lines?.size) continue;
    const original = RowSelection.fromBytes(
      await readFile(selectionFile(dataFolder, manifest.id, index)),
    );
    const selection = await selectLines(snapshots, segment, original, lines);
    if (selection.selected === 0) continue;
    // The rows counted are the ones sent again; the rest of the file was dealt with by the first job.
    const { segmentId, name, listName, mapping, source } = segment;
    const counts = { rows: selection.selected, valid: selection.selected, invalid: 0 };
    planned.push({
      segmentId,
      name,
      listName,
      mapping,
      source,
      ...counts,
      duplicates: 0,
      selection,
    });
  }
  return planned;
}

function nothingToRetry(): RetryError {
  return new RetryError('nothing-to-retry', 'This export has no failed rows that can be retried.');
}

interface RetryJobInput {
  readonly dataFolder: string;
  readonly jobId: string;
  readonly snapshots: SnapshotAccess;
  readonly osUser: string;
  readonly now?: Date;
}

export async function createRetryJob(
  input: RetryJobInput,
): Promise<{ manifest: JobManifest; contacts: number }> {
  const original = await readJobManifest(input.dataFolder, input.jobId);
  if (original.status === 'completed') throw nothingToRetry();
  if (!retryableStatuses.includes(original.status)) {
    throw new RetryError('not-finished', 'Only a finished export can retry its failed rows.');
  }
  const segments = await plannedRetry(input.dataFolder, original, input.snapshots);
  const contacts = segments.reduce((sum, segment) => sum + segment.valid, 0);
  if (contacts === 0) throw nothingToRetry();
  const confirmedAt = input.now ?? new Date();
  const manifest = await createJob({
    dataFolder: input.dataFolder,
    segments,
    destination: original.destination,
    consent: buildConsentReceipt({
      segments,
      destination: original.destination,
      confirmedAt,
      osUser: input.osUser,
    }),
    settings: original.settings,
    now: confirmedAt,
  });
  await writeFile(
    path.join(jobFolder(input.dataFolder, manifest.id), retryOfFile),
    `${JSON.stringify({ jobId: original.id })}\n`,
    { mode: 0o600 },
  );
  return { manifest, contacts };
}

/** The job a retry job retries, or null. */
export async function readRetryOf(dataFolder: string, jobId: string): Promise<string | null> {
  try {
    const text = await readFile(path.join(jobFolder(dataFolder, jobId), retryOfFile), 'utf8');
    const parsed = JSON.parse(text) as { jobId?: unknown };
    return typeof parsed.jobId === 'string' ? parsed.jobId : null;
  } catch {
    return null;
  }
}

/** The retry job already created for `jobId`, if any (newest first). */
export async function findRetryJob(dataFolder: string, jobId: string): Promise<string | null> {
  for (const id of (await listJobIds(dataFolder)).reverse()) {
    if (id !== jobId && (await readRetryOf(dataFolder, id)) === jobId) return id;
  }
  return null;
}
