/**
 * Paces requests to the destination: a token bucket at the current rate (burst of one request, so
 * requests are evenly spaced and never bunch up against the server's own bucket), adapted AIMD-style
 * as TCP does. A 429 lowers the rate (multiplicative decrease) and holds every sender until the
 * server's Retry-After, or a backoff with jitter; quiet time raises it back slowly (additive
 * increase), never above the configured rate.
 */
import { backoffDelay, rateLimitBackoff } from './backoff';
import type { Clock } from './clock';

interface RateControllerOptions {
  /** Requests per second the person configured: the ceiling. */
  readonly maxRate: number;
  readonly clock: Clock;
  readonly random: () => number;
  /** Rate kept after a 429, as a fraction of the current rate. */
  readonly decreaseFactor?: number;
  /** Requests per second regained per second without a 429. */
  readonly increasePerSecond?: number;
  /** Floor, so a run of 429s cannot stall the job entirely. */
  readonly minRate?: number;
}

export class RateController {
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #maxRate: number;
  readonly #minRate: number;
  readonly #decrease: number;
  readonly #increase: number;
  #rate: number;
  #nextSlotAt = 0;
  #holdUntil = 0;
  #lastDecreaseAt = -Infinity;
  #lastIncreaseAt = 0;
  #consecutiveLimited = 0;

  constructor(options: RateControllerOptions) {
    this.#clock = options.clock;
    this.#random = options.random;
    this.#maxRate = options.maxRate;
    this.#minRate = Math.min(options.minRate ?? 0.5, options.maxRate);
    this.#decrease = options.decreaseFactor ?? 0.8;
    this.#increase = options.increasePerSecond ?? 0.25;
    this.#rate = options.maxRate;
    this.#lastIncreaseAt = options.clock.now();
  }

  /** Current requests per second the engine allows itself. */
  get rate(): number {
    return this.#rate;
  }

  /** When every sender may go again after a 429 (epoch ms; in the past when not holding). */
  get holdUntil(): number {
    return this.#holdUntil;
  }

  /** Waits for this request's turn. Rejects when the signal aborts (pause, cancel). */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.#clock.now();
      const startAt = Math.max(now, this.#nextSlotAt, this.#holdUntil);
      if (startAt <= now) {
        this.#nextSlotAt = now + 1000 / this.#rate;
        return;
      }
      // Reserve nothing while waiting: a 429 may move the hold, so look again after the wait.
      await this.#clock.sleep(startAt - now, signal);
    }
  }

  onSuccess(): void {
    this.#consecutiveLimited = 0;
    const now = this.#clock.now();
    // Stay put for a while after a decrease: the 429s of requests already in flight arrive late.
    const quietSince = Math.max(this.#lastIncreaseAt, this.#lastDecreaseAt + 2_000);
    if (now <= quietSince) return;
    this.#rate = Math.min(this.#maxRate, this.#rate + (this.#increase * (now - quietSince)) / 1000);
    this.#lastIncreaseAt = now;
  }

  /** Returns how long senders are held, for the progress message. */
  onRateLimited(retryAfterMs: number | undefined): number {
    const now = this.#clock.now();
    this.#consecutiveLimited += 1;
    // One decrease per burst of 429s: the requests in flight together all see the same limit.
    if (now - this.#lastDecreaseAt > Math.max(1000, 2000 / this.#rate)) {
      this.#rate = Math.max(this.#minRate, this.#rate * this.#decrease);
      this.#lastDecreaseAt = now;
      this.#lastIncreaseAt = now;
    }
    const wait =
      retryAfterMs ?? backoffDelay(rateLimitBackoff, this.#consecutiveLimited, this.#random);
    this.#holdUntil = Math.max(this.#holdUntil, now + wait);
    return this.#holdUntil - now;
  }
}
