/**
 * The emulator's throttles. Autopilot publishes no numbers (autopilot-api.md §5, §7), so both are
 * configurable: a token bucket (requests per second with a burst) and a per-UTC-day quota. Time
 * comes from an injected clock so tests can move it instead of sleeping.
 */

export type LimitVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

class TokenBucket {
  readonly #rate: number;
  readonly #capacity: number;
  #tokens: number;
  #updatedAt: number;

  /** `rate` tokens per second, at most `burst` stored; starts full. */
  constructor(rate: number, burst: number, now: number) {
    if (!(rate > 0)) throw new Error('The rate must be a positive number of requests per second.');
    this.#rate = rate;
    this.#capacity = Math.max(1, burst);
    this.#tokens = this.#capacity;
    this.#updatedAt = now;
  }

  get tokens(): number {
    return this.#tokens;
  }

  take(now: number): LimitVerdict {
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.#capacity, this.#tokens + (elapsed * this.#rate) / 1000);
    this.#updatedAt = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: ((1 - this.#tokens) * 1000) / this.#rate };
  }
}

const dayMs = 86_400_000;

class DailyQuota {
  readonly #limit: number;
  #day = Number.NaN;
  #used = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  get used(): number {
    return this.#used;
  }

  take(now: number): LimitVerdict {
    const day = Math.floor(now / dayMs);
    if (day !== this.#day) {
      this.#day = day;
      this.#used = 0;
    }
    if (this.#used < this.#limit) {
      this.#used += 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: (day + 1) * dayMs - now };
  }
}

/** Bucket and quota as configured; either may be absent (unlimited). */
export class Limits {
  readonly bucket: TokenBucket | undefined;
  readonly quota: DailyQuota | undefined;

  constructor(
    options: {
      rate: number | undefined;
      burst: number | undefined;
      /** The Autopilot mode's; the Ortto mode has none. */
      dailyQuota?: number | undefined;
    },
    now: number,
  ) {
    const { rate, burst, dailyQuota } = options;
    this.bucket =
      rate === undefined
        ? undefined
        : new TokenBucket(rate, burst ?? Math.max(1, Math.ceil(rate)), now);
    this.quota = dailyQuota === undefined ? undefined : new DailyQuota(dailyQuota);
  }

  /** The bucket first, so a throttled request does not use up the day's quota. */
  take(now: number): LimitVerdict & { readonly reason?: 'rate' | 'quota' } {
    const rate = this.bucket?.take(now) ?? { allowed: true };
    if (!rate.allowed) return { ...rate, reason: 'rate' };
    const quota = this.quota?.take(now) ?? { allowed: true };
    return quota.allowed ? quota : { ...quota, reason: 'quota' };
  }
}
