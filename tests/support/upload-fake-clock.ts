/**
 * A clock the test moves by hand, for the upload engine's pacing, backoff and throttling. Timers
 * fire in time order; between them the test lets pending promise callbacks (and quick file I/O)
 * run, so the engine reacts exactly as it would with real time, only without waiting.
 */
import type { Clock } from '../../core/upload/clock';

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly resolve: () => void;
}

/** Lets queued promise callbacks and already-finished I/O callbacks run. */
export async function settle(rounds = 5): Promise<void> {
  for (let index = 0; index < rounds; index += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export class FakeClock implements Clock {
  #now: number;
  #order = 0;
  #timers: Timer[] = [];

  constructor(start = Date.UTC(2025, 5, 2, 9, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  get pendingTimers(): number {
    return this.#timers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer: Timer = {
        at: this.#now + Math.max(0, ms),
        order: (this.#order += 1),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.#timers = this.#timers.filter((candidate) => candidate !== timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#timers.push(timer);
    });
  }

  /** Fires the earliest timer (moving time to it); false when none is pending. */
  #fireNext(limit = Infinity): boolean {
    if (this.#timers.length === 0) return false;
    this.#timers.sort((a, b) => a.at - b.at || a.order - b.order);
    const next = this.#timers[0] as Timer;
    if (next.at > limit) return false;
    this.#timers.shift();
    this.#now = Math.max(this.#now, next.at);
    next.resolve();
    return true;
  }

  /** Moves time forward by `ms`, firing every timer due on the way in order. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    await settle();
    while (this.#fireNext(target)) await settle();
    this.#now = target;
    await settle();
  }

  /**
   * Runs the fake timeline until `promise` settles: lets pending work finish, and when nothing is
   * left to do but wait, jumps to the next timer. Fails when simulated time passes `maxMs`.
   */
  async run<T>(promise: Promise<T>, maxMs = 3_600_000): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    const deadline = this.#now + maxMs;
    for (;;) {
      await settle();
      if (settled) return promise;
      // Real I/O (journal fsyncs) may still be under way: give it a moment of real time first.
      await new Promise((resolve) => setTimeout(resolve, 1));
      await settle();
      if (settled) return promise;
      if (this.#now > deadline) throw new Error(`still running after ${maxMs} simulated ms`);
      if (!this.#fireNext()) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
