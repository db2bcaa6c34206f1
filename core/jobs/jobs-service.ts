/**
 * Export jobs (product.md, steps 5 and 6): runs them on the upload engine's JobRunner in
 * the background, forwards their progress to the window, keeps the computer awake while any runs,
 * says when one ends (an OS notification), saves the report of undelivered rows where the person
 * chooses, retries failed rows, and stops every run cleanly before quitting so the next start can
 * resume it. Nothing here imports Electron: the host (electron/services/jobs-host.ts) injects what
 * only it has.
 */
import type { Destination } from '../destination-port/destination';
import { jobLockHolder, JobBusyError } from './job-lock';
import type { JobDestination } from './job-manifest';
import { jobFile, readJobManifest, writeJobManifest } from './job-store';
import type { Clock } from '../upload/clock';
import { JobRunner } from './job-runner';
import type { LiveRun, LiveRuns } from './live-runs';
import type { RunResult } from '../upload/upload-run';
import type { JobProgress } from '../upload/progress';
import { fileSnapshotAccess, type SnapshotAccess } from '../upload/snapshot-access';
import {
  jobErrorCodes,
  type JobDetail,
  type JobFinishedEvent,
  type JobListItem,
} from '../../shared/model/jobs';
import { JobKeyUnavailableError, pausedForKey } from './jobs-destination';
import { JobsError, jobsErrorOf } from './jobs-errors';
import { saveJobReport, type SavedReport } from './jobs-report';
import { createRetryJob } from './retry-job';
import { pausedProgress, readDetail, readListItem, readListItems } from './jobs-views';

/** What the service tells whoever shows its jobs: the window, through main's event sink. */
interface JobEventSink {
  progressed(progress: JobProgress): void;
  finished(event: JobFinishedEvent): void;
}

interface JobsServiceOptions {
  readonly dataFolder: string;
  readonly events: JobEventSink;
  /** The destination a job sends to, its key looked up anew for every run. */
  readonly openDestination: (destination: JobDestination) => Promise<Destination>;
  /** Keeps the computer from sleeping; returns the function that lets it sleep again. */
  readonly keepAwake?: () => () => void;
  /** Tells the person a run ended by itself (the host words it: an OS notification). */
  readonly notifyEnd?: (item: JobListItem) => Promise<void>;
  /** The system's Save dialog: the chosen path, or null when the person cancelled. */
  readonly saveFile?: (suggestedName: string) => Promise<string | null>;
  readonly osUser?: () => string;
  readonly snapshots?: SnapshotAccess;
  readonly clock?: Clock;
  readonly random?: () => number;
  /** The command line gives up waiting for the network after this long. */
  readonly offlineTimeoutMs?: number;
  readonly logError?: (error: unknown) => void;
}

export class JobsService {
  readonly #options: JobsServiceOptions;
  readonly #runner: JobRunner;
  readonly #snapshots: SnapshotAccess;
  #letSleep: (() => void) | null = null;
  #disposed: Promise<void> | null = null;

  constructor(options: JobsServiceOptions) {
    this.#options = options;
    this.#snapshots = options.snapshots ?? fileSnapshotAccess(options.dataFolder);
    this.#runner = new JobRunner({
      dataFolder: options.dataFolder,
      openDestination: options.openDestination,
      snapshots: this.#snapshots,
      clock: options.clock,
      random: options.random,
      offlineTimeoutMs: options.offlineTimeoutMs,
      onProgress: (progress) => this.#options.events.progressed(progress),
    });
  }

  /** The runner's registry (core/jobs/live-runs.ts): the one place that knows which runs are live. */
  get #live(): LiveRuns {
    return this.#runner.live;
  }

  readonly #isHere = (jobId: string): boolean => this.#live.has(jobId);

  /** Every export, newest first. */
  list(): Promise<JobListItem[]> {
    return readListItems(this.#options.dataFolder, this.#isHere);
  }

  /** Exports to offer "Resume" for: paused, failed, never started, or cut short by a quit or crash. */
  async resumable(): Promise<JobListItem[]> {
    const listings = await this.#runner.resumableJobs();
    // One read of every job (readListItem per job would look for each one's retry anew).
    const items = new Map((await this.list()).map((item) => [item.id, item]));
    return listings
      .map((listing) => listing.summary.jobId)
      .filter((jobId) => !this.#isHere(jobId))
      .flatMap((jobId) => items.get(jobId) ?? []);
  }

  get(jobId: string): Promise<JobDetail> {
    return this.#plainly(() =>
      readDetail(this.#options.dataFolder, jobId, this.#isHere, this.#live.lastProgress(jobId)),
    );
  }

  /** Jobs this app is sending now (the quit confirmation asks while there are any). */
  runningCount(): number {
    return this.#live.size;
  }

  /**
   * Starts or resumes a job. Resolves once the run has started (or the job was paused because its
   * key cannot be had); the run goes on in the background and reports through events.
   */
  start(jobId: string): Promise<void> {
    if (this.#disposed) {
      return Promise.reject(new JobsError(jobErrorCodes.busy, 'Segment Courier is closing.'));
    }
    const existing = this.#live.get(jobId);
    if (existing) return existing.started;
    const { run, result } = this.#begin(jobId);
    // start reports a run that could not start through `started`; the rest goes to events.
    result.catch(() => undefined);
    return run.started;
  }

  /**
   * Runs a job here to its end (the command line): the engine's result, or null when it did not
   * begin (stopped while opening its destination, or paused because its key cannot be had).
   * Rejects with the engine's own error when it cannot start.
   */
  async run(jobId: string): Promise<RunResult | null> {
    return this.#begin(jobId).result;
  }

  async pause(jobId: string): Promise<void> {
    await this.#live.get(jobId)?.started.catch(() => undefined);
    if (this.#runner.pause(jobId)) return;
    // Sent by another process (the command line) holding its lock: say so, it is paused there.
    const holder = await this.#plainly(() =>
      jobLockHolder(jobFile(this.#options.dataFolder, jobId, 'lock')),
    );
    if (holder !== null) throw jobsErrorOf(new JobBusyError(jobId, holder));
    throw new JobsError(jobErrorCodes.notRunning, 'This export is not running.');
  }

  /** Cancels a running or stopped job; what was sent stays sent, the report lists the rest. */
  async cancel(jobId: string): Promise<void> {
    const run = this.#live.get(jobId);
    await run?.started.catch(() => undefined);
    if (run && this.#runner.isRunning(jobId)) {
      await this.#runner.cancel(jobId);
      await run.finished;
      return;
    }
    await this.#plainly(() => this.#runner.cancel(jobId));
    await this.#announceEnd(jobId, false);
  }

  /** Writes the report of undelivered rows where the person chooses (the system's Save dialog). */
  async saveReport(jobId: string): Promise<SavedReport> {
    const { saveFile, dataFolder } = this.#options;
    if (!saveFile) {
      throw new JobsError(jobErrorCodes.saveUnavailable, 'Saving files is not available here.');
    }
    this.#assertStopped(jobId);
    return this.#plainly(() => saveJobReport(dataFolder, jobId, this.#snapshots, saveFile));
  }

  /** Creates a job that sends again the rows that failed for reasons that can change, and starts it. */
  async retryFailed(jobId: string): Promise<{ jobId: string; contacts: number }> {
    this.#assertStopped(jobId);
    const { manifest, contacts } = await this.#plainly(() =>
      createRetryJob({
        dataFolder: this.#options.dataFolder,
        jobId,
        snapshots: this.#snapshots,
        osUser: this.#options.osUser?.() ?? 'unknown',
      }),
    );
    await this.start(manifest.id);
    return { jobId: manifest.id, contacts };
  }

  /** Before quitting: every run stops cleanly and resumes on the next start. Safe to call twice. */
  dispose(): Promise<void> {
    this.#disposed ??= (async () => {
      await this.#runner.stopAll();
      this.#letSleep?.();
      this.#letSleep = null;
    })();
    return this.#disposed;
  }

  /** Makes the job live and runs it; once it is over (and no longer live) its end is told. */
  #begin(jobId: string): { run: LiveRun; result: Promise<RunResult | null> } {
    const begun = this.#live.begin(
      jobId,
      (run) => this.#send(run),
      (run) => this.#ended(run),
    );
    this.#updateKeepAwake();
    return begun;
  }

  async #send(run: LiveRun): Promise<RunResult | null> {
    try {
      const result = await this.#sendOrPauseForKey(run);
      run.markStarted();
      return result;
    } catch (error) {
      const known = jobsErrorOf(error);
      run.failStart(known);
      if (!(known instanceof JobsError)) this.#options.logError?.(error);
      throw error;
    }
  }

  async #sendOrPauseForKey(run: LiveRun): Promise<RunResult | null> {
    try {
      return await this.#runner.send(run);
    } catch (error) {
      if (!(error instanceof JobKeyUnavailableError)) throw error;
      await this.#pauseForKey(run, error);
      return null;
    }
  }

  /** Not live any more before anyone hears of the end, so what they read then agrees. */
  async #ended(run: LiveRun): Promise<void> {
    this.#updateKeepAwake();
    // A run that could not start is reported by start; one that had begun still needs its end told.
    if (!run.hasStarted) return;
    await this.#announceEnd(run.jobId, true).catch((error) => this.#options.logError?.(error));
  }

  /** The key cannot be had: nothing was sent; the job waits, saying why. */
  async #pauseForKey(run: LiveRun, error: JobKeyUnavailableError): Promise<void> {
    const { dataFolder } = this.#options;
    const { jobId } = run;
    const manifest = await readJobManifest(dataFolder, jobId);
    await writeJobManifest(dataFolder, pausedForKey(manifest, error, new Date()));
    const progress = pausedProgress(
      await readListItem(dataFolder, jobId, () => false),
      error.message,
    );
    run.progressed(progress);
    this.#options.events.progressed(progress);
  }

  /** Tells the window a run ended (and the person, when it ended by itself). */
  async #announceEnd(jobId: string, notify: boolean): Promise<void> {
    const { dataFolder, events } = this.#options;
    const { item } = await readListItem(dataFolder, jobId, () => false);
    if (notify) await this.#options.notifyEnd?.(item);
    events.finished({
      jobId,
      status: item.status,
      stop: item.stop,
      counts: item.counts,
    });
  }

  #updateKeepAwake(): void {
    if (this.#live.size > 0 && !this.#letSleep) {
      this.#letSleep = this.#options.keepAwake?.() ?? (() => undefined);
    } else if (this.#live.size === 0 && this.#letSleep) {
      this.#letSleep();
      this.#letSleep = null;
    }
  }

  #assertStopped(jobId: string): void {
    if (this.#isHere(jobId)) {
      throw new JobsError(
        jobErrorCodes.running,
        'This export is still running. Pause it or wait for it to end first.',
      );
    }
  }

  async #plainly<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw jobsErrorOf(error);
    }
  }
}
