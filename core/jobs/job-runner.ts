/**
 * The upload engine as the app uses it: one runner per data folder, any number of jobs, each job
 * run at most once at a time. Start (or resume: the same thing), pause, cancel, and stop all
 * before quitting. The destination is opened anew for every run, so a key fixed after a "rejected
 * key" pause is picked up by the resume.
 */
import type { Destination } from '../destination/destination';
import type { JobDestination } from './job-manifest';
import { readJobManifest, writeJobManifest } from './job-store';
import { listJobs, type JobListing } from './list-jobs';
import { writeJobReport } from '../report/job-report';
import type { Clock } from '../upload/clock';
import type { JobProgress } from '../upload/progress';
import { fileSnapshotAccess, type SnapshotAccess } from '../upload/snapshot-access';
import {
  ensureResumable,
  startUploadRun,
  type RunResult,
  type UploadRun,
} from '../upload/upload-run';

export interface JobRunnerOptions {
  readonly dataFolder: string;
  /** Opens the destination a job sends to (looks its key up in the keychain). */
  openDestination(destination: JobDestination): Promise<Destination>;
  readonly snapshots?: SnapshotAccess;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly onProgress?: (progress: JobProgress) => void;
  readonly onFinished?: (jobId: string, result: RunResult) => void;
}

export class JobAlreadyRunningError extends Error {
  override readonly name = 'JobAlreadyRunningError';
  constructor(readonly jobId: string) {
    super('This export is already running.');
  }
}

export class JobRunner {
  readonly #options: JobRunnerOptions;
  readonly #runs = new Map<string, { run: UploadRun; done: Promise<RunResult> }>();

  constructor(options: JobRunnerOptions) {
    this.#options = options;
  }

  /** Starts or resumes a job; resolves when the run ends (finished, paused, failed). */
  async start(jobId: string): Promise<RunResult> {
    if (this.#runs.has(jobId)) throw new JobAlreadyRunningError(jobId);
    const { dataFolder } = this.#options;
    const manifest = await readJobManifest(dataFolder, jobId);
    ensureResumable(manifest);
    const run = startUploadRun({
      dataFolder,
      jobId,
      snapshots: this.#options.snapshots ?? fileSnapshotAccess(dataFolder),
      destination: await this.#options.openDestination(manifest.destination),
      clock: this.#options.clock,
      random: this.#options.random,
      onProgress: this.#options.onProgress,
    });
    const done = run.done.finally(() => this.#runs.delete(jobId));
    this.#runs.set(jobId, { run, done });
    const result = await done;
    this.#options.onFinished?.(jobId, result);
    return result;
  }

  isRunning(jobId: string): boolean {
    return this.#runs.has(jobId);
  }

  runningJobs(): string[] {
    return [...this.#runs.keys()];
  }

  /** Pauses a running job (it can be resumed with start). False when it was not running. */
  pause(jobId: string): boolean {
    const entry = this.#runs.get(jobId);
    entry?.run.pause();
    return entry !== undefined;
  }

  /** Cancels a job, running or stopped: what was sent stays sent; the report lists the rest. */
  async cancel(jobId: string): Promise<void> {
    const entry = this.#runs.get(jobId);
    if (entry) {
      entry.run.cancel();
      await entry.done;
      return;
    }
    const { dataFolder } = this.#options;
    const manifest = await readJobManifest(dataFolder, jobId);
    ensureResumable(manifest);
    const cancelled = {
      ...manifest,
      status: 'cancelled' as const,
      stop: { reason: 'cancel' as const, message: 'Cancelled.', at: new Date().toISOString() },
      updatedAt: new Date().toISOString(),
    };
    await writeJobManifest(dataFolder, cancelled);
    await writeJobReport(
      dataFolder,
      cancelled,
      this.#options.snapshots ?? fileSnapshotAccess(dataFolder),
    );
  }

  /** Before quitting: every run stops cleanly (resumable on the next start). */
  async stopAll(): Promise<void> {
    const entries = [...this.#runs.values()];
    for (const entry of entries) entry.run.interrupt();
    await Promise.allSettled(entries.map((entry) => entry.done));
  }

  /** Jobs to offer "Resume" for: paused, failed, or cut short by a crash or a quit. */
  async resumableJobs(): Promise<JobListing[]> {
    const jobs = await listJobs(this.#options.dataFolder);
    return jobs.filter(
      (job) =>
        !job.running &&
        (job.interrupted || ['ready', 'paused', 'failed'].includes(job.summary.status)),
    );
  }
}
