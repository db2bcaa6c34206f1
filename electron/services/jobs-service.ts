/**
 * Export jobs in the app (product.md, steps 5 and 6): runs them on the upload engine's JobRunner in
 * the background, forwards their progress to the window, keeps the computer awake while any runs,
 * says when one ends (an OS notification), saves the report of undelivered rows where the person
 * chooses, retries failed rows, and stops every run cleanly before quitting so the next start can
 * resume it. Nothing here imports Electron: the host injects what only it has.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import type { Destination } from '../../core/destination/destination';
import { jobLockHolder, JobBusyError } from '../../core/jobs/job-lock';
import type { JobDestination } from '../../core/jobs/job-manifest';
import { jobFile, readJobManifest, writeJobManifest } from '../../core/jobs/job-store';
import type { Clock } from '../../core/upload/clock';
import { JobRunner } from '../../core/upload/job-runner';
import type { JobProgress } from '../../core/upload/progress';
import { fileSnapshotAccess, type SnapshotAccess } from '../../core/upload/snapshot-access';
import { jobErrorCodes, type JobDetail, type JobListItem } from '../../shared/ipc/channels/jobs';
import type { EventSink } from './host-environment';
import { JobKeyUnavailableError, pausedForKey } from './jobs-destination';
import { JobsError, jobsErrorOf } from './jobs-errors';
import { buildReport, reportFileName } from './jobs-report';
import { createRetryJob } from '../../core/jobs/retry-job';
import { endFactsOf, endNotification } from './jobs-texts';
import type { MainLanguage } from '../i18n/main-texts';
import { pausedProgress, readDetail, readListItem, readListItems } from './jobs-views';

export interface JobsServiceOptions {
  readonly dataFolder: string;
  readonly events: EventSink;
  /** The destination a job sends to, its key looked up anew for every run. */
  readonly openDestination: (destination: JobDestination) => Promise<Destination>;
  /** Keeps the computer from sleeping; returns the function that lets it sleep again. */
  readonly keepAwake?: () => () => void;
  /** An OS notification. */
  readonly notify?: (title: string, body: string) => void;
  /** The system's Save dialog: the chosen path, or null when the person cancelled. */
  readonly saveFile?: (suggestedName: string) => Promise<string | null>;
  readonly language?: () => Promise<MainLanguage>;
  readonly osUser?: () => string;
  readonly snapshots?: SnapshotAccess;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly logError?: (error: unknown) => void;
}

interface ActiveRun {
  /** Settles once the run has started (its first progress event) or could not start. */
  readonly started: Promise<void>;
  /** Settles once the run is over and its end has been told. */
  readonly finished: Promise<void>;
}

export class JobsService {
  readonly #options: JobsServiceOptions;
  readonly #runner: JobRunner;
  readonly #snapshots: SnapshotAccess;
  readonly #active = new Map<string, ActiveRun>();
  readonly #latest = new Map<string, JobProgress>();
  readonly #onStarted = new Map<string, () => void>();
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
      onProgress: (progress) => this.#progressed(progress),
    });
  }

  readonly #isHere = (jobId: string): boolean => this.#active.has(jobId);

  /** Every export, newest first. */
  list(): Promise<JobListItem[]> {
    return readListItems(this.#options.dataFolder, this.#isHere);
  }

  /** Exports to offer "Resume" for: paused, failed, never started, or cut short by a quit or crash. */
  async resumable(): Promise<JobListItem[]> {
    const listings = await this.#runner.resumableJobs();
    const items: JobListItem[] = [];
    for (const listing of listings) {
      if (this.#isHere(listing.summary.jobId)) continue;
      const read = await readListItem(
        this.#options.dataFolder,
        listing.summary.jobId,
        this.#isHere,
      );
      items.push(read.item);
    }
    return items;
  }

  get(jobId: string): Promise<JobDetail> {
    return this.#plainly(() =>
      readDetail(this.#options.dataFolder, jobId, this.#isHere, this.#latest.get(jobId) ?? null),
    );
  }

  /** Jobs this app is sending now (the quit confirmation asks while there are any). */
  runningCount(): number {
    return this.#active.size;
  }

  /**
   * Starts or resumes a job. Resolves once the run has started (or the job was paused because its
   * key cannot be had); the run goes on in the background and reports through events.
   */
  start(jobId: string): Promise<void> {
    if (this.#disposed) {
      return Promise.reject(new JobsError(jobErrorCodes.busy, 'Segment Courier is closing.'));
    }
    const existing = this.#active.get(jobId);
    if (existing) return existing.started;
    let markStarted!: () => void;
    let failStart!: (error: unknown) => void;
    const started = new Promise<void>((resolve, reject) => {
      markStarted = resolve;
      failStart = reject;
    });
    this.#onStarted.set(jobId, markStarted);
    const finished = this.#runToEnd(jobId, markStarted, failStart);
    this.#active.set(jobId, { started, finished });
    this.#updateKeepAwake();
    return started;
  }

  async pause(jobId: string): Promise<void> {
    await this.#active.get(jobId)?.started.catch(() => undefined);
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
    const active = this.#active.get(jobId);
    await active?.started.catch(() => undefined);
    if (active && this.#runner.isRunning(jobId)) {
      await this.#runner.cancel(jobId);
      await active.finished;
      return;
    }
    await this.#plainly(() => this.#runner.cancel(jobId));
    await this.#announceEnd(jobId, false);
  }

  /** Writes the report of undelivered rows where the person chooses (the system's Save dialog). */
  async saveReport(
    jobId: string,
  ): Promise<{ saved: boolean; fileName: string | null; rows: number }> {
    const { saveFile } = this.#options;
    if (!saveFile) {
      throw new JobsError(jobErrorCodes.saveUnavailable, 'Saving files is not available here.');
    }
    this.#assertStopped(jobId);
    const manifest = await this.#plainly(() => readJobManifest(this.#options.dataFolder, jobId));
    const report = await this.#plainly(() =>
      buildReport(this.#options.dataFolder, manifest, this.#snapshots),
    );
    const target = await saveFile(reportFileName(manifest));
    if (!target) return { saved: false, fileName: null, rows: report.rows };
    await copyFile(report.file, target);
    return { saved: true, fileName: path.basename(target), rows: report.rows };
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
      await Promise.allSettled([...this.#active.values()].map((run) => run.finished));
      this.#letSleep?.();
      this.#letSleep = null;
    })();
    return this.#disposed;
  }

  /** Runs the job; settles once its end has been told (or it could not start, which start reports). */
  async #runToEnd(
    jobId: string,
    markStarted: () => void,
    failStart: (error: unknown) => void,
  ): Promise<void> {
    let ended = false;
    try {
      await this.#run(jobId);
      markStarted();
      ended = true;
    } catch (error) {
      const known = jobsErrorOf(error);
      failStart(known);
      if (!(known instanceof JobsError)) this.#options.logError?.(error);
      // A run that had begun (its first progress went out) still needs its end told.
      ended = !this.#onStarted.has(jobId);
    }
    // Not running any more before anyone hears of the end, so what they read then agrees.
    this.#active.delete(jobId);
    this.#onStarted.delete(jobId);
    this.#updateKeepAwake();
    if (ended)
      await this.#announceEnd(jobId, true).catch((error) => this.#options.logError?.(error));
  }

  async #run(jobId: string): Promise<void> {
    const holder = await jobLockHolder(jobFile(this.#options.dataFolder, jobId, 'lock'));
    if (holder !== null) throw new JobBusyError(jobId, holder);
    try {
      await this.#runner.start(jobId);
    } catch (error) {
      if (!(error instanceof JobKeyUnavailableError)) throw error;
      await this.#pauseForKey(jobId, error);
    }
  }

  /** The key cannot be had: nothing was sent; the job waits, saying why. */
  async #pauseForKey(jobId: string, error: JobKeyUnavailableError): Promise<void> {
    const { dataFolder } = this.#options;
    const manifest = await readJobManifest(dataFolder, jobId);
    await writeJobManifest(dataFolder, pausedForKey(manifest, error, new Date()));
    this.#progressed(
      pausedProgress(await readListItem(dataFolder, jobId, () => false), error.message),
    );
  }

  /** Tells the window a run ended (and the person, when it ended by itself). */
  async #announceEnd(jobId: string, notify: boolean): Promise<void> {
    const { dataFolder, events } = this.#options;
    const { item } = await readListItem(dataFolder, jobId, () => false);
    if (notify) await this.#notifyEnd(item);
    events.emit('jobs:finished', {
      jobId,
      status: item.status,
      stop: item.stop,
      counts: item.counts,
    });
  }

  async #notifyEnd(item: JobListItem): Promise<void> {
    if (!this.#options.notify) return;
    const language = (await this.#options.language?.().catch(() => 'en' as const)) ?? 'en';
    const text = endNotification(language, endFactsOf(item));
    if (text) this.#options.notify(text.title, text.body);
  }

  #progressed(progress: JobProgress): void {
    this.#latest.set(progress.jobId, progress);
    const started = this.#onStarted.get(progress.jobId);
    this.#onStarted.delete(progress.jobId);
    started?.();
    this.#options.events.emit('jobs:progress', progress);
  }

  #updateKeepAwake(): void {
    if (this.#active.size > 0 && !this.#letSleep) {
      this.#letSleep = this.#options.keepAwake?.() ?? (() => undefined);
    } else if (this.#active.size === 0 && this.#letSleep) {
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
