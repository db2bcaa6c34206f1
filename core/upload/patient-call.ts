/**
 * One request with a batch's patience, for the calls around the batches (list membership checks,
 * additions and mirror removals): paced and retried by the run's Pacer, the same call batches go
 * through. A rejected key, a 404 or a stop is thrown; a refused request (400), or a fault after the
 * last try, is thrown as a GivenUp so the caller can report the contact and go on.
 */
import { DestinationError } from '../destination-port/destination';
import { OutOfTries, type CallCounts, type Pacer } from './pacer';

export class GivenUp extends Error {
  override readonly name = 'GivenUp';
}

export async function callPatiently<T>(
  pacer: Pacer,
  counts: CallCounts,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  try {
    return await pacer.request(counts, call);
  } catch (error) {
    if (error instanceof OutOfTries) {
      // These calls have always counted their last failed try as a retry too (a batch does not);
      // kept, so the sync steps' journaled counts stay what they were.
      counts.retries += 1;
      throw new GivenUp(`Not done after ${error.faults} tries. ${error.message}`);
    }
    if (error instanceof DestinationError && error.kind === 'invalid-request') {
      throw new GivenUp(error.serverMessage ?? error.message);
    }
    throw error;
  }
}
