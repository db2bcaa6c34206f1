/**
 * How a run is told to stop (pause, cancel, interrupt, rejected key, fatal error). Waits (pacing,
 * backoff, network probes) stop at once; requests already on the wire get a short grace period to
 * land, so a pause does not throw away answers that are arriving, and then they are aborted.
 */
import type { StopReason } from '../jobs/job-manifest';
import { DeliveryStopped } from './pacer';
import type { Clock } from './clock';

export class RunControl {
  readonly #waits = new AbortController();
  readonly #requests = new AbortController();
  readonly #graceTimer = new AbortController();
  readonly #clock: Clock;
  readonly #graceMs: number;
  #reason: StopReason | null = null;
  #message = '';
  #detail: string | undefined;

  constructor(clock: Clock, graceMs: number) {
    this.#clock = clock;
    this.#graceMs = graceMs;
  }

  get waitSignal(): AbortSignal {
    return this.#waits.signal;
  }

  get requestSignal(): AbortSignal {
    return this.#requests.signal;
  }

  get stopReason(): StopReason | null {
    return this.#reason;
  }

  get stopMessage(): string {
    return this.#message;
  }

  /** The underlying error's own words, for a stop caused by one (job-manifest.ts, `detail`). */
  get stopDetail(): string | undefined {
    return this.#detail;
  }

  get stopping(): boolean {
    return this.#reason !== null;
  }

  /** The first reason wins: a rejected key stays the reason even if the person then pauses. */
  stop(reason: StopReason, message: string, detail?: string): void {
    if (this.#reason) return;
    this.#reason = reason;
    this.#message = message;
    this.#detail = detail;
    this.#waits.abort(new DeliveryStopped(message));
    const abortRequests = (): void => this.#requests.abort(new DeliveryStopped(message));
    if (this.#graceMs <= 0) {
      abortRequests();
      return;
    }
    this.#clock.sleep(this.#graceMs, this.#graceTimer.signal).then(abortRequests, () => undefined);
  }

  /** The run is over: cancel the grace timer so nothing keeps the process alive. */
  dispose(): void {
    this.#graceTimer.abort();
  }
}
