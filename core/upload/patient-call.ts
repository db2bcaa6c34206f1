/**
 * One request with a batch's patience, for the calls around the batches (list membership checks,
 * additions and mirror removals): paced by the run's rate controller, held on 429, parked while
 * offline, retried with backoff on faults. A rejected key or a stop is thrown; after the last try
 * the fault is thrown as a GivenUp so the caller can report the contact and go on.
 */
import { DestinationError } from '../destination-port/destination';
import { backoffDelay, transientBackoff } from './backoff';
import { DeliveryStopped } from './batch-delivery';
import type { Clock } from './clock';
import type { NetworkGate } from './network-gate';
import type { RateController } from './rate-controller';
import type { RunControl } from './run-control';

export interface PatientContext {
  readonly rate: RateController;
  readonly gate: NetworkGate;
  readonly clock: Clock;
  readonly random: () => number;
  readonly maxAttempts: number;
  readonly control: RunControl;
}

export interface CallCounts {
  requests: number;
  rateLimited: number;
  retries: number;
}

export class GivenUp extends Error {
  override readonly name = 'GivenUp';
}

function asDestinationError(error: unknown): DestinationError {
  if (error instanceof DestinationError) return error;
  return new DestinationError('transient', 'Something went wrong while sending.', { cause: error });
}

export async function callPatiently<T>(
  context: PatientContext,
  counts: CallCounts,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const { control, rate, gate, clock } = context;
  let faults = 0;
  for (;;) {
    await gate.pass(control.waitSignal);
    await rate.acquire(control.waitSignal);
    if (control.stopping) throw new DeliveryStopped('stopping');
    counts.requests += 1;
    try {
      const result = await call(control.requestSignal);
      rate.onSuccess();
      return result;
    } catch (raw) {
      if (control.stopping) throw new DeliveryStopped('stopping', { cause: raw });
      const error = asDestinationError(raw);
      if (error.kind === 'rejected-key' || error.kind === 'not-found') throw error;
      if (error.kind === 'invalid-request') throw new GivenUp(error.serverMessage ?? error.message);
      counts.retries += 1;
      if (error.kind === 'rate-limited') {
        counts.rateLimited += 1;
        rate.onRateLimited(error.retryAfterMs);
      } else if (error.kind === 'offline') {
        await gate.waitUntilOnline(control.waitSignal);
      } else {
        faults += 1;
        if (faults >= context.maxAttempts) {
          throw new GivenUp(`Not done after ${faults} tries. ${error.message}`);
        }
        await clock.sleep(
          backoffDelay(transientBackoff, faults, context.random),
          control.waitSignal,
        );
      }
    }
  }
}
