/**
 * Repeated failures pause the export instead of grinding through every batch (issue 12, item 10):
 * when requests of several batches fail one after another, with none delivered in between, for
 * long enough, the run stops as paused and keeps the rows for a later resume. Before this, an
 * outage spent 8 tries on every batch and then reported all its rows as given up.
 *
 * - A count and a span together: four senders fail eight requests within a second of a brief blip
 *   (a server restarting, a few 500s), which must recover by itself; a span alone would let one
 *   slow failure pause. Ten seconds of nothing but failures is well past a blip, and with the
 *   engine's backoff (300 ms doubling) it comes before any batch uses up its 8 tries (19 s at the
 *   earliest), so a dead server pauses the export with no row given up.
 * - At least two batches: one batch that fails while nothing else is left to send may be the
 *   batch's own problem; it is given up after its tries and reported, as before, so a resume
 *   cannot meet the same batch and pause for ever.
 */
import type { BatchPlace } from './batch-delivery';
import type { Clock } from './clock';

export interface FaultStreakPolicy {
  /** Failed requests in a row, with no delivery in between. */
  readonly faults: number;
  /** How long the streak must have lasted, from its first failure. */
  readonly spanMs: number;
  /** Different batches among the failed requests. */
  readonly batches: number;
}

export const repeatedFaultsPolicy: FaultStreakPolicy = { faults: 8, spanMs: 10_000, batches: 2 };

export class FaultStreak {
  readonly #clock: Clock;
  readonly #policy: FaultStreakPolicy;
  readonly #batches = new Set<string>();
  #count = 0;
  #since = 0;

  constructor(clock: Clock, policy: FaultStreakPolicy = repeatedFaultsPolicy) {
    this.#clock = clock;
    this.#policy = policy;
  }

  get count(): number {
    return this.#count;
  }

  /** A request was delivered: the streak is broken. */
  delivered(): void {
    this.#count = 0;
    this.#batches.clear();
  }

  /** A request of `batch` failed; true when the streak has reached the policy: pause. */
  failed(batch: BatchPlace): boolean {
    const now = this.#clock.now();
    if (this.#count === 0) this.#since = now;
    this.#count += 1;
    this.#batches.add(`${batch.segment}:${batch.seq}`);
    return (
      this.#count >= this.#policy.faults &&
      now - this.#since >= this.#policy.spanMs &&
      this.#batches.size >= this.#policy.batches
    );
  }
}
