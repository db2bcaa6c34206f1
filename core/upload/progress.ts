/**
 * Progress as a person reads it: counts, the pace, time left and a plain-words state. Events are
 * throttled to at most 10 per second (a 1,000,000-contact export must not flood the window), with
 * the last state always delivered.
 */
import { jobProgressStates, type JobProgressState } from '../../shared/jobs/job-states';
import type { Clock } from './clock';

export const progressStates = jobProgressStates;
export type ProgressState = JobProgressState;

export interface JobProgress {
  readonly jobId: string;
  readonly state: ProgressState;
  /** The state in plain English words (the app translates `state` itself). */
  readonly message: string;
  /** For 'slowed-down' and 'retrying': when sending goes on (epoch ms). */
  readonly resumesAt: number | null;
  /** Contacts to deliver in the whole job (valid rows). */
  readonly total: number;
  /** Contacts that left the computer (done, plus those in flight now). */
  readonly sent: number;
  readonly succeeded: number;
  /** Refused by the destination or given up after repeated faults. */
  readonly failed: number;
  /** Delivered contacts per second over the last seconds. */
  readonly contactsPerSecond: number;
  /** Requests per second the engine currently allows itself (lower after a 429). */
  readonly requestRate: number;
  /** Estimated time left in ms; null until there is a pace to estimate from. */
  readonly etaMs: number | null;
}

export type ProgressSnapshot = Omit<JobProgress, 'contactsPerSecond' | 'etaMs'>;

const minIntervalMs = 100;
const paceWindowMs = 10_000;

/** Measures the pace over a sliding window of (time, contacts done) samples. */
export class PaceMeter {
  readonly #samples: { at: number; done: number }[] = [];

  record(at: number, done: number): void {
    this.#samples.push({ at, done });
    while (this.#samples.length > 2 && (this.#samples[1]?.at ?? at) <= at - paceWindowMs) {
      this.#samples.shift();
    }
  }

  perSecond(): number {
    const first = this.#samples[0];
    const last = this.#samples[this.#samples.length - 1];
    if (!first || !last || last.at - first.at < 500) return 0;
    return ((last.done - first.done) * 1000) / (last.at - first.at);
  }
}

export class ProgressThrottle {
  readonly #clock: Clock;
  readonly #emit: (progress: JobProgress) => void;
  readonly #read: () => ProgressSnapshot;
  readonly #pace = new PaceMeter();
  #lastEmitAt = -Infinity;
  #trailing: AbortController | null = null;

  constructor(clock: Clock, read: () => ProgressSnapshot, emit: (progress: JobProgress) => void) {
    this.#clock = clock;
    this.#read = read;
    this.#emit = emit;
  }

  /** Something changed: emit now, or once at the end of the current 100 ms window. */
  changed(): void {
    const now = this.#clock.now();
    const wait = this.#lastEmitAt + minIntervalMs - now;
    if (wait <= 0) {
      this.#emitNow();
      return;
    }
    if (this.#trailing) return;
    const trailing = new AbortController();
    this.#trailing = trailing;
    this.#clock.sleep(wait, trailing.signal).then(
      () => {
        this.#trailing = null;
        this.#emitNow();
      },
      () => undefined,
    );
  }

  /** The final state: replaces any pending emission, still keeping to one per 100 ms window. */
  async final(): Promise<void> {
    this.#trailing?.abort();
    this.#trailing = null;
    const wait = this.#lastEmitAt + minIntervalMs - this.#clock.now();
    if (wait > 0) await this.#clock.sleep(wait);
    this.#emitNow();
  }

  #emitNow(): void {
    const now = this.#clock.now();
    this.#lastEmitAt = now;
    const snapshot = this.#read();
    this.#pace.record(now, snapshot.succeeded + snapshot.failed);
    const perSecond = this.#pace.perSecond();
    const left = Math.max(0, snapshot.total - snapshot.succeeded - snapshot.failed);
    this.#emit({
      ...snapshot,
      contactsPerSecond: Math.round(perSecond * 10) / 10,
      etaMs: perSecond > 0 ? Math.round((left / perSecond) * 1000) : left === 0 ? 0 : null,
    });
  }
}
