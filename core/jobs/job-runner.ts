/**
 * The upload engine as the jobs service runs it (the app and the command line alike): one runner
 * per data folder, any number of jobs, each job run at most once at a time, every live run in its
 * one registry (./live-runs.ts). Start (or resume: the same thing), pause, cancel, and stop all
 * before quitting. The destination is opened anew for every run, so a key fixed after a "rejected
 * key" pause is picked up by the resume.
 */
import type { Destination } from '../destination-port/destination';
import type { JobDestination } from './job-manifest';
import { jobFile, readJobManifest, writeJobManifest } from './job-store';
import { listJobs, type JobListing } from './list-jobs';
import { writeJobReport } from '../report/job-report';
import type { Clock } from '../upload/clock';
import type { JobProgress } from '../upload/progress';
import { fileSnapshotAccess, type SnapshotAccess } from '../upload/snapshot-access';
import { ensureResumable, startUploadRun, type RunResult } from '../upload/upload-run';
import { JobBusyError, jobLockHolder } from './job-lock';
import { LiveRuns, type LiveRun } from './live-runs';

interface JobRunnerOptions {
  readonly dataFolder: string;
  /** Opens the destination a job sends to (looks its key up in the keychain). */
  openDestination(destination: JobDestination): Promise<Destination>;
  readonly snapshots?: SnapshotAccess;
  readonly clock?: Clock;
  readonly random?: () => number;
  /** The command line gives up waiting for the network after this long (the engine's default otherwise). */
  readonly offlineTimeoutMs?: number;
  readonly onProgress?: (progress: JobProgress) => void;
  readonly onFinished?: (jobId: string, result: RunResult) => void;
}

/** Quitting or Ctrl+C came while the job's destination was opening: nothing was sent. */
export class JobInterruptedError extends Error {
  override readonly name = 'JobInterruptedError';
  constructor(readonly jobId: string) {
    super('Stopped before anything was sent.');
  }
}

export class JobRunner {
  readonly #options: JobRunnerOptions;
  /** The one registry of live runs: the jobs service and the command line read it through here. */
  readonly live = new LiveRuns();

  constructor(options: JobRunnerOptions) {
    this.#options = options;
  }

  /** Starts or resumes a job; resolves when the run ends (finished, paused, failed). */
  start(jobId: string): Promise<RunResult> {
    try {
      return this.live
        .begin(jobId, (run) => this.send(run))
        .result.then((result) => {
          if (!result) throw new JobInterruptedError(jobId);
          return result;
        });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Runs a live run on the engine: its lock, its manifest, its destination, then the upload run.
   * Null when quitting or Ctrl+C came while the destination was opening (nothing was sent).
   */
  async send(run: LiveRun): Promise<RunResult | null> {
    const { dataFolder } = this.#options;
    const { jobId } = run;
    const holder = await jobLockHolder(jobFile(dataFolder, jobId, 'lock'));
    if (holder !== null) throw new JobBusyError(jobId, holder);
    const manifest = await readJobManifest(dataFolder, jobId);
    ensureResumable(manifest);
    const destination = await this.#options.openDestination(manifest.destination);
    if (run.interruptedWhileOpening) return null;
    const upload = startUploadRun({
      dataFolder,
      jobId,
      snapshots: this.#options.snapshots ?? fileSnapshotAccess(dataFolder),
      destination,
      clock: this.#options.clock,
      random: this.#options.random,
      offlineTimeoutMs: this.#options.offlineTimeoutMs,
      onProgress: (progress) => {
        run.progressed(progress);
        this.#options.onProgress?.(progress);
      },
    });
    const result = await run.send(upload);
    this.#options.onFinished?.(jobId, result);
    return result;
  }

  /** The engine is sending this job now. */
  isRunning(jobId: string): boolean {
    return this.live.get(jobId)?.sending ?? false;
  }

  runningJobs(): string[] {
    return this.live.jobIds();
  }

  /** Pauses a job the engine is sending (it can be resumed with start). False when it was not. */
  pause(jobId: string): boolean {
    const run = this.live.get(jobId);
    if (!run?.sending) return false;
    run.pause();
    return true;
  }

  /** Cancels a job, running or stopped: what was sent stays sent; the report lists the rest. */
  async cancel(jobId: string): Promise<void> {
    const run = this.live.get(jobId);
    if (run?.sending) {
      run.cancel();
      await run.finished;
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
  stopAll(): Promise<void> {
    return this.live.stopAll();
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
