/**
 * The one pace-and-retry call of a run (issue 15, item 5; rclone's `lib/pacer`, where one
 * `Call(fn)` paces and retries every API call). Batches, list lookups, list checks, additions and
 * mirror removals all go through `Pacer.call`, so this is the one place that decides:
 * - before EVERY request (`pace()`), wait for the network gate and the rate controller;
 * - a 429 holds every sender until its Retry-After (or a backoff), a lost network parks the call
 *   until the destination answers again, a fault (5xx, reset, timeout) is tried again with backoff;
 * - after `maxAttempts` faults the call gives up (OutOfTries);
 * - a stop (pause, cancel, rejected key) ends every wait at once (DeliveryStopped).
 * What the pacer does not retry is the caller's to act on: a rejected key, a refused request (400),
 * a missing list or contact (404). How a caller reports giving up (a batch's given-up rows, a list
 * call's GivenUp) stays with the caller.
 */
import { DestinationError, type RequestCall } from '../destination-port/destination';
import { backoffDelay, transientBackoff } from './backoff';
import type { Clock } from './clock';
import type { NetworkGate } from './network-gate';
import type { RateController } from './rate-controller';

/** The job is stopping; the call is not done (a batch is sent again on resume). */
export class DeliveryStopped extends Error {
  override readonly name = 'DeliveryStopped';
}

/** Every try of a call failed with a fault. */
export class OutOfTries extends Error {
  override readonly name = 'OutOfTries';
  readonly faults: number;
  readonly lastError: DestinationError;

  constructor(faults: number, lastError: DestinationError) {
    super(lastError.message, { cause: lastError });
    this.faults = faults;
    this.lastError = lastError;
  }
}

/** How the run tells its calls to stop (RunControl). */
export interface RunSignals {
  /** Aborts waits at once when the job stops (pause, cancel, rejected key). */
  readonly waitSignal: AbortSignal;
  /** Aborts requests in flight; fires a little after waitSignal so answers on the way can land. */
  readonly requestSignal: AbortSignal;
}

interface PacerOptions {
  readonly rate: RateController;
  readonly gate: NetworkGate;
  readonly clock: Clock;
  readonly random: () => number;
  /** Faults a call may meet; the last one gives it up. */
  readonly maxAttempts: number;
  readonly control: RunSignals;
}

/** What a call's requests met, summed over its tries (journaled with batches and sync steps). */
export interface CallCounts {
  requests: number;
  rateLimited: number;
  retries: number;
}

/** A caller's part in one call: progress hooks and its own second chance. */
export interface CallHooks {
  /** The call waits before trying again (a fault): for the progress state. */
  onRetryWait?(untilMs: number, message: string): void;
  /** Every sender is held (429): for the progress state. */
  onHold?(): void;
  /** The call was answered (it breaks a streak of failures). */
  onAnswered?(): void;
  /** A try failed with a fault; the run may stop on it, which the pacer then notices. */
  onFault?(error: DestinationError): void;
  /**
   * An answer the pacer does not retry (rejected key, 400, 404): resolve true to try again at once
   * (counted as a retry), for instance once the missing list was found again. Otherwise it is thrown.
   */
  recover?(error: DestinationError): Promise<boolean>;
  /**
   * Throw what is not a destination's answer (a bug, not a failed request) as it is, at once.
   * Otherwise it counts as a fault and is tried again.
   */
  readonly throwsUnexpected?: boolean;
}

function asDestinationError(error: unknown): DestinationError {
  if (error instanceof DestinationError) return error;
  return new DestinationError('transient', 'Something went wrong while sending.', { cause: error });
}

export class Pacer {
  readonly clock: Clock;
  readonly #options: PacerOptions;

  constructor(options: PacerOptions) {
    this.#options = options;
    this.clock = options.clock;
  }

  get #stopping(): boolean {
    const { control } = this.#options;
    return control.waitSignal.aborted || control.requestSignal.aborted;
  }

  /** A call of one request: paced once, then `request`. */
  request<T>(
    counts: CallCounts,
    request: (signal: AbortSignal) => Promise<T>,
    hooks?: CallHooks,
  ): Promise<T> {
    return this.call(
      counts,
      async (call) => {
        await call.pace();
        return request(call.signal);
      },
      hooks,
    );
  }

  /** Tries `attempt` until answered; it awaits `call.pace()` before each request it makes. */
  async call<T>(
    counts: CallCounts,
    attempt: (call: RequestCall) => Promise<T>,
    hooks: CallHooks = {},
  ): Promise<T> {
    const { rate, control } = this.#options;
    const call: RequestCall = {
      signal: control.requestSignal,
      pace: () => this.#pace(counts),
    };
    let faults = 0;
    for (;;) {
      try {
        const result = await attempt(call);
        rate.onSuccess();
        hooks.onAnswered?.();
        return result;
      } catch (raw) {
        if (this.#stopping) throw new DeliveryStopped('stopping', { cause: raw });
        if (hooks.throwsUnexpected && !(raw instanceof DestinationError)) throw raw;
        const error = asDestinationError(raw);
        if (error.kind === 'transient') {
          faults += 1;
          await this.#afterFault(counts, error, faults, hooks);
          continue;
        }
        if (!(await this.#retriesAtOnce(counts, error, hooks))) throw error;
      }
    }
  }

  async #pace(counts: CallCounts): Promise<void> {
    const { gate, rate, control } = this.#options;
    await gate.pass(control.waitSignal);
    await rate.acquire(control.waitSignal);
    if (control.waitSignal.aborted) throw new DeliveryStopped('stopping');
    counts.requests += 1;
  }

  /** A fault: wait before the next try, or, after the last one, give up. */
  async #afterFault(
    counts: CallCounts,
    error: DestinationError,
    faults: number,
    hooks: CallHooks,
  ): Promise<void> {
    const { clock, control, maxAttempts, random } = this.#options;
    hooks.onFault?.(error);
    // The run is pausing (repeated failures): the call waits for the resume, it is not given up.
    if (control.waitSignal.aborted) throw new DeliveryStopped('stopping', { cause: error });
    if (faults >= maxAttempts) throw new OutOfTries(faults, error);
    counts.retries += 1;
    const delay = backoffDelay(transientBackoff, faults, random);
    hooks.onRetryWait?.(clock.now() + delay, error.message);
    await clock.sleep(delay, control.waitSignal);
  }

  /** A 429 or a lost network is waited out; true when the call should be tried again now. */
  async #retriesAtOnce(
    counts: CallCounts,
    error: DestinationError,
    hooks: CallHooks,
  ): Promise<boolean> {
    const { gate, rate, control } = this.#options;
    if (error.kind === 'rate-limited') {
      counts.retries += 1;
      counts.rateLimited += 1;
      rate.onRateLimited(error.retryAfterMs);
      hooks.onHold?.();
      return true;
    }
    if (error.kind === 'offline') {
      counts.retries += 1;
      await gate.waitUntilOnline(control.waitSignal);
      return true;
    }
    if (!(await hooks.recover?.(error))) return false;
    counts.retries += 1;
    return true;
  }
}
