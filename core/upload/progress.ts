/**
 * Progress as a person reads it: counts, the pace, time left and a plain-words state. Events are
 * throttled to at most 10 per second (a 1,000,000-contact export must not flood the window), with
 * the last state always delivered. The overall counts are the sum of the segments' in the same
 * event, and contacts on the way are counted apart from those sent (issue 17, item 5).
 */
import type { SegmentTally } from '../jobs/delivery-tally';
import type { JobProgressState } from '../../shared/jobs/job-states';
import type { Clock } from './clock';

export type ProgressState = JobProgressState;

/** One segment's share of a progress event. */
export interface SegmentProgress {
  /** Contacts this segment sends. */
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Contacts in requests that have left but not been answered yet. */
  readonly inFlight: number;
}

export interface JobProgress {
  readonly jobId: string;
  readonly state: ProgressState;
  /** The state in plain English words (the app translates `state` itself). */
  readonly message: string;
  /** For 'slowed-down' and 'retrying': when sending goes on (epoch ms). */
  readonly resumesAt: number | null;
  /** Contacts to deliver in the whole job: the sum of the segments' totals. */
  readonly total: number;
  /** Contacts sent and answered for (succeeded + failed); those on the way are not in it. */
  readonly sent: number;
  readonly succeeded: number;
  /** Refused by the destination or given up after repeated faults. */
  readonly failed: number;
  /** Contacts in requests on the way (left, not answered yet). */
  readonly inFlight: number;
  /** Per segment, in the job's order; the counts above are their sums. */
  readonly segments: SegmentProgress[];
  /** Contacts answered for per second over the last half minute, waits included. */
  readonly contactsPerSecond: number;
  /**
   * Contacts per second the engine allows itself now: its request rate (lower after a 429) times
   * the contacts per request.
   */
  readonly allowedContactsPerSecond: number;
  /** Estimated time left in ms, the wait under way included; null until it can be estimated. */
  readonly etaMs: number | null;
}

export type ProgressSnapshot = Omit<JobProgress, 'contactsPerSecond' | 'etaMs'>;

/** A segment's share of an event from its tally (none yet: nothing answered for). */
export function segmentProgressOf(
  tally: SegmentTally | undefined,
  total: number,
  inFlight = 0,
): SegmentProgress {
  const { succeeded = 0, refused = 0, givenUp = 0 } = tally ?? {};
  return { total, succeeded, failed: refused + givenUp, inFlight };
}

type OverallCounts = Pick<JobProgress, 'total' | 'sent' | 'succeeded' | 'failed' | 'inFlight'>;

/** The whole job's counts in an event: the sum of its segments'. */
export function overallOf(segments: readonly SegmentProgress[]): OverallCounts {
  const sum = (pick: (segment: SegmentProgress) => number) =>
    segments.reduce((total, segment) => total + pick(segment), 0);
  const succeeded = sum((segment) => segment.succeeded);
  const failed = sum((segment) => segment.failed);
  const inFlight = sum((segment) => segment.inFlight);
  return {
    total: sum((segment) => segment.total),
    sent: succeeded + failed,
    succeeded,
    failed,
    inFlight,
  };
}

interface TimeLeftFacts {
  /** Contacts not answered for yet (those on the way included). */
  readonly left: number;
  /** The pace measured, waits included; 0 when there is none yet. */
  readonly perSecond: number;
  /** The pace the engine allows itself: the estimate before one is measured. */
  readonly allowedPerSecond: number;
  /** What is left of a wait under way (a 429's hold, a retry's back-off), in ms. */
  readonly waitingMs: number;
}

/**
 * Time left: the wait under way, then the rest at the pace measured (which holds the waits met
 * so far), or at the pace allowed until one is measured. Null when neither is known.
 */
export function estimateTimeLeft(facts: TimeLeftFacts): number | null {
  if (facts.left === 0) return 0;
  const pace = facts.perSecond > 0 ? facts.perSecond : facts.allowedPerSecond;
  if (pace <= 0) return null;
  return Math.round(Math.max(0, facts.waitingMs) + (facts.left / pace) * 1000);
}

const minIntervalMs = 100;
// Long enough to hold a 429's hold or a retry's back-off, so the pace (and the time left) says
// what waiting costs, short enough to follow a pace that changed.
const paceWindowMs = 30_000;

/** Measures the pace over a sliding window of (time, contacts done) samples. */
class PaceMeter {
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
    this.#emit({
      ...snapshot,
      contactsPerSecond: Math.round(perSecond * 10) / 10,
      etaMs: estimateTimeLeft({
        left: Math.max(0, snapshot.total - snapshot.sent),
        perSecond,
        allowedPerSecond: snapshot.allowedContactsPerSecond,
        waitingMs: snapshot.resumesAt === null ? 0 : snapshot.resumesAt - now,
      }),
    });
  }
}
