/**
 * Simulated time for the upload engine talking to the real emulator over real HTTP: the engine's
 * waits (pacing, backoff, the grace after a stop) take no real time, so a benchmark or a test can
 * measure minutes of an outage in seconds. Unlike tests/support/upload-fake-clock.ts, time only moves
 * while no request is on the wire (the fetch handed to the destination counts them) and no file
 * work is pending, so a request or an fsync taking a few real milliseconds never lets simulated
 * seconds pass under it.
 */
import type { Clock } from '../../core/upload/clock';

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly resolve: () => void;
}

const realPause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function settle(rounds = 5): Promise<void> {
  for (let index = 0; index < rounds; index += 1) {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * File work under way (journal fsyncs, manifest writes, the snapshot being read): while it runs,
 * time must not jump, or the engine's heartbeat would add seconds that no wait asked for.
 */
function fileWorkPending(): boolean {
  return process
    .getActiveResourcesInfo()
    .some(
      (kind) => kind.startsWith('FSReq') || kind === 'CloseReq' || kind.startsWith('FileHandle'),
    );
}

/** Statuses whose Response must have no body. */
const bodiless = new Set([101, 204, 205, 304]);

export class VirtualClock implements Clock {
  #now: number;
  #order = 0;
  #timers: Timer[] = [];
  #inFlight = 0;

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        this.#timers = this.#timers.filter((candidate) => candidate !== timer);
        reject(signal?.reason);
      };
      const timer: Timer = {
        at: this.#now + Math.max(0, ms),
        order: (this.#order += 1),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#timers.push(timer);
    });
  }

  /** A fetch that holds simulated time still until the answer, body included, has arrived. */
  readonly fetch: typeof fetch = async (input, init) => {
    this.#inFlight += 1;
    try {
      const response = await globalThis.fetch(input, init);
      const body = bodiless.has(response.status) ? null : await response.arrayBuffer();
      return new Response(body, { status: response.status, headers: response.headers });
    } finally {
      this.#inFlight -= 1;
    }
  };

  #fireNext(): boolean {
    if (this.#timers.length === 0) return false;
    this.#timers.sort((a, b) => a.at - b.at || a.order - b.order);
    const next = this.#timers.shift() as Timer;
    this.#now = Math.max(this.#now, next.at);
    next.resolve();
    return true;
  }

  /**
   * Runs until `promise` settles: while requests are on the wire or other work is pending, real
   * time passes; when the engine has nothing left to do but wait, time jumps to the next timer.
   * Fails when simulated time passes `maxMs`.
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
      // Requests, journal fsyncs and manifest writes are real I/O: give them real time first.
      await realPause(this.#inFlight > 0 ? 2 : 1);
      await settle();
      if (settled) return promise;
      if (this.#inFlight > 0 || fileWorkPending()) continue;
      if (this.#now > deadline) throw new Error(`still running after ${maxMs} simulated ms`);
      if (!this.#fireNext()) await realPause(5);
    }
  }
}
