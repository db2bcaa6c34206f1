/**
 * The runs live in this process, one object each: tus-js-client's BaseUpload is the model, one
 * object that owns a run's state and its stop decision. A run is live from the moment it is asked
 * for, while it still checks its lock and opens its destination, until the engine's run ends. A
 * stop asked for while it is opening is kept: an interrupt (quitting, Ctrl+C) means the engine
 * never begins, so nothing is sent and the job stays as it was; a pause or cancel reaches the
 * engine as soon as it begins.
 */
import type { JobProgress } from '../upload/progress';
import type { UploadRun } from '../upload/upload-run';

export class JobAlreadyRunningError extends Error {
  override readonly name = 'JobAlreadyRunningError';
  constructor(readonly jobId: string) {
    super('This export is already running.');
  }
}

type StopRequest = 'pause' | 'cancel' | 'interrupt';

export class LiveRun {
  /** Settles once the run has started (its first progress event) or could not start. */
  readonly started: Promise<void>;
  #markStarted!: () => void;
  #failStart!: (error: unknown) => void;
  #hasStarted = false;
  #upload: UploadRun | null = null;
  #sending = false;
  #stop: StopRequest | null = null;
  #latest: JobProgress | null = null;
  #finished: Promise<void> = Promise.resolve();

  constructor(
    readonly jobId: string,
    readonly onProgress: (progress: JobProgress) => void = () => undefined,
  ) {
    this.started = new Promise<void>((resolve, reject) => {
      this.#markStarted = resolve;
      this.#failStart = reject;
    });
    // Whoever asked for the run hears of a failed start; nobody else need wait on it.
    this.started.catch(() => undefined);
  }

  /** The last progress event of this run, if any. */
  get latest(): JobProgress | null {
    return this.#latest;
  }

  /** The engine is sending it now (its destination is open and its run not over). */
  get sending(): boolean {
    return this.#sending;
  }

  get hasStarted(): boolean {
    return this.#hasStarted;
  }

  /** Quitting or Ctrl+C came while it was opening: the engine must not begin. */
  get interruptedWhileOpening(): boolean {
    return this.#upload === null && this.#stop === 'interrupt';
  }

  /** Settles once the run is over and whoever owns it has told its end. */
  get finished(): Promise<void> {
    return this.#finished;
  }

  progressed(progress: JobProgress): void {
    this.#latest = progress;
    this.onProgress(progress);
    this.markStarted();
  }

  markStarted(): void {
    this.#hasStarted = true;
    this.#markStarted();
  }

  failStart(error: unknown): void {
    this.#failStart(error);
  }

  /** The engine's run, once the destination is open: a pause or cancel asked meanwhile reaches it. */
  async send(upload: UploadRun): Promise<Awaited<UploadRun['done']>> {
    this.#upload = upload;
    this.#sending = true;
    if (this.#stop) this.#tell(this.#stop);
    try {
      return await upload.done;
    } finally {
      this.#sending = false;
    }
  }

  pause(): void {
    this.#ask('pause');
  }

  cancel(): void {
    this.#ask('cancel');
  }

  /** Quitting the app, Ctrl+C, SIGTERM: stop cleanly, resumable. */
  interrupt(): void {
    this.#ask('interrupt');
  }

  /** For the registry: what settles once the run is over and its end told. */
  setFinished(finished: Promise<void>): void {
    this.#finished = finished;
  }

  #ask(stop: StopRequest): void {
    this.#stop ??= stop;
    if (this.#upload) this.#tell(stop);
  }

  #tell(stop: StopRequest): void {
    const upload = this.#upload;
    if (stop === 'pause') upload?.pause();
    else if (stop === 'cancel') upload?.cancel();
    else upload?.interrupt();
  }
}

/** Every live run of this process, by job: at most one run of a job at a time. */
export class LiveRuns {
  readonly #runs = new Map<string, LiveRun>();
  /** The last progress event of each job run in this session, kept once its run is over. */
  readonly #latest = new Map<string, JobProgress>();

  /**
   * Makes `jobId` live and does `work` with its run; the run stays live until `work` settles,
   * then `afterwards` (telling its end) runs, the run no longer live so what is read then agrees.
   */
  begin<T>(
    jobId: string,
    work: (run: LiveRun) => Promise<T>,
    afterwards?: (run: LiveRun) => Promise<void>,
  ): { run: LiveRun; result: Promise<T> } {
    if (this.#runs.has(jobId)) throw new JobAlreadyRunningError(jobId);
    const run = new LiveRun(jobId, (progress) => this.#latest.set(jobId, progress));
    this.#runs.set(jobId, run);
    const result = work(run).finally(() => this.#runs.delete(jobId));
    const told = afterwards ?? (() => Promise.resolve());
    run.setFinished(
      result.then(
        () => told(run),
        () => told(run),
      ),
    );
    return { run, result };
  }

  lastProgress(jobId: string): JobProgress | null {
    return this.#latest.get(jobId) ?? null;
  }

  get(jobId: string): LiveRun | undefined {
    return this.#runs.get(jobId);
  }

  has(jobId: string): boolean {
    return this.#runs.has(jobId);
  }

  get size(): number {
    return this.#runs.size;
  }

  jobIds(): string[] {
    return [...this.#runs.keys()];
  }

  /** Before quitting: every run stops cleanly, those still opening too; settles once all ended. */
  async stopAll(): Promise<void> {
    const runs = [...this.#runs.values()];
    for (const run of runs) run.interrupt();
    await Promise.allSettled(runs.map((run) => run.finished));
  }
}
