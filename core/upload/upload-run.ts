/**
 * One run of a job: read the journal, rebuild the batches from the snapshot, skip the done ones,
 * send the rest through a few pipelined senders, record each finished batch durably, and stop
 * cleanly on pause, cancel, interrupt, a rejected key or a fatal error. A crash at any moment
 * leaves the journal saying exactly which batches are done; at most the ones in flight go again.
 */
import { readCheckedLedger } from '../jobs/checked-ledger';
import { doneSet, type JobLedger } from '../jobs/job-ledger';
import { acquireJobLock } from '../jobs/job-lock';
import {
  contactsToSend,
  resumableStatuses,
  type JobManifest,
  type JobStatus,
} from '../jobs/job-manifest';
import { jobFile, readJobManifest, writeJobManifest } from '../jobs/job-store';
import { summarizeJob, type JobSummary } from '../jobs/job-summary';
import { JournalWriter } from '../jobs/journal';
import { writeJobReport } from '../report/job-report';
import { systemClock, type Clock } from './clock';
import { RunControl } from './run-control';
import { RunSenders } from './run-senders';
import { stopMessage } from './run-tally';
import type { UploadRunOptions } from './upload-run-options';

export interface RunResult {
  readonly status: JobStatus;
  readonly stop: JobManifest['stop'];
  readonly summary: JobSummary;
  readonly reportFile: string | null;
}

export interface UploadRun {
  readonly jobId: string;
  readonly done: Promise<RunResult>;
  pause(): void;
  cancel(): void;
  /** Ctrl+C, SIGTERM, quitting the app: stop cleanly, resumable. */
  interrupt(): void;
}

/** The job cannot run: finished already, or its description does not fit this destination. */
export class JobNotRunnableError extends Error {
  override readonly name = 'JobNotRunnableError';
}

const finishedStatuses: readonly JobStatus[] = ['completed', 'completed_with_errors', 'cancelled'];

function expectedBatches(manifest: JobManifest, segment: number): number {
  const planned = manifest.segments[segment];
  return Math.ceil((planned ? contactsToSend(planned) : 0) / manifest.settings.batchSize);
}

function isComplete(manifest: JobManifest, ledger: JobLedger): boolean {
  return manifest.segments.every(
    (_, index) => doneSet(ledger, index).size >= expectedBatches(manifest, index),
  );
}

async function saveManifest(
  dataFolder: string,
  manifest: JobManifest,
  changes: Pick<JobManifest, 'status' | 'stop'>,
  clock: Clock,
): Promise<JobManifest> {
  const updated = { ...manifest, ...changes, updatedAt: new Date(clock.now()).toISOString() };
  await writeJobManifest(dataFolder, updated);
  return updated;
}

function finalStatus(
  manifest: JobManifest,
  ledger: JobLedger,
  control: RunControl,
  senders: RunSenders,
): JobStatus {
  const failedRows = senders.tally.failed + senders.sync.notRemoved;
  if (control.stopReason === 'error') return 'failed';
  if (isComplete(manifest, ledger) && senders.sync.complete) {
    return failedRows > 0 ? 'completed_with_errors' : 'completed';
  }
  return control.stopReason === 'cancel' ? 'cancelled' : 'paused';
}

/** Throws JobNotRunnableError for a job that has finished (completed or cancelled). */
export function ensureResumable(manifest: JobManifest): void {
  if (!resumableStatuses.includes(manifest.status)) {
    throw new JobNotRunnableError(
      finishedStatuses.includes(manifest.status)
        ? `Export job "${manifest.id}" has already finished (${manifest.status.replace(/_/g, ' ')}).`
        : `Export job "${manifest.id}" cannot be resumed.`,
    );
  }
}

async function checkRunnable(options: UploadRunOptions, manifest: JobManifest): Promise<void> {
  ensureResumable(manifest);
  if (manifest.settings.batchSize > options.destination.maxBatchSize) {
    throw new JobNotRunnableError(
      `Export job "${manifest.id}" sends ${manifest.settings.batchSize} contacts per request, more than this destination accepts.`,
    );
  }
}

function stopRecord(status: JobStatus, control: RunControl, clock: Clock): JobManifest['stop'] {
  if (status !== 'paused' && status !== 'failed' && status !== 'cancelled') return null;
  const detail = control.stopDetail;
  return {
    reason: control.stopReason ?? 'error',
    message: control.stopMessage || stopMessage('error'),
    ...(detail ? { detail } : {}),
    at: new Date(clock.now()).toISOString(),
  };
}

/** Sends what is left, journaling each batch; the journal is closed when this returns. */
async function sendRest(
  options: UploadRunOptions & { readonly clock: Clock },
  control: RunControl,
  manifest: JobManifest,
  ledger: JobLedger,
): Promise<{ senders: RunSenders; status: JobStatus; manifest: JobManifest }> {
  const { clock, dataFolder, jobId } = options;
  const journal = await JournalWriter.open(jobFile(dataFolder, jobId, 'journal'));
  try {
    await journal.append({ t: 'run', at: clock.now(), pid: process.pid });
    const running = await saveManifest(
      dataFolder,
      manifest,
      { status: 'running', stop: null },
      clock,
    );
    const senders = new RunSenders({ ...options, manifest: running, ledger, journal, control });
    await senders.run();
    const status = finalStatus(running, ledger, control, senders);
    // The end line lets the time spent be summed from the journal alone.
    await journal.append({ t: 'end', at: clock.now(), status });
    return { senders, status, manifest: running };
  } finally {
    control.dispose();
    await journal.close();
  }
}

async function execute(options: UploadRunOptions, control: RunControl): Promise<RunResult> {
  const clock = options.clock ?? systemClock;
  const { dataFolder, jobId } = options;
  const lock = await acquireJobLock(jobFile(dataFolder, jobId, 'lock'), jobId);
  try {
    const manifest = await readJobManifest(dataFolder, jobId);
    await checkRunnable(options, manifest);
    const ledger = await readCheckedLedger(dataFolder, manifest, options.snapshots);
    const runStart = clock.now();
    const sent = await sendRest({ ...options, clock }, control, manifest, ledger);
    const { senders, status } = sent;
    const stop = stopRecord(status, control, clock);
    const saved = await saveManifest(dataFolder, sent.manifest, { status, stop }, clock);
    const finished = finishedStatuses.includes(status);
    const report = finished ? await writeJobReport(dataFolder, saved, options.snapshots) : null;
    await senders.finish(status, stop?.message ?? '');
    const elapsed = ledger.elapsedMs + (clock.now() - runStart);
    return {
      status,
      stop,
      summary: summarizeJob(saved, senders.tally.totals, elapsed),
      reportFile: report?.file ?? null,
    };
  } finally {
    control.dispose();
    await lock.release();
  }
}

/** Starts a run (a first run or a resume: the same thing, since the journal says what is done). */
export function startUploadRun(options: UploadRunOptions): UploadRun {
  const control = new RunControl(options.clock ?? systemClock, options.graceMs ?? 2_000);
  return {
    jobId: options.jobId,
    done: execute(options, control),
    pause: () => control.stop('user', stopMessage('user')),
    cancel: () => control.stop('cancel', stopMessage('cancel')),
    interrupt: () => control.stop('signal', stopMessage('signal')),
  };
}
