/**
 * Finds (or creates) each segment's list once per run, with the same patience as a batch: paced,
 * held on 429, parked while offline, retried on faults. A list that cannot be had (refused, or
 * faults beyond the limit) fails the job with the reason, since no contact of the segment can go.
 */
import { DestinationError, type Destination } from '../destination-port/destination';
import { backoffDelay, transientBackoff } from './backoff';
import { DeliveryStopped } from './pacer';
import type { Clock } from './clock';
import type { NetworkGate } from './network-gate';
import type { RateController } from './rate-controller';
import type { RunControl } from './run-control';

class JobFailure extends Error {
  override readonly name = 'JobFailure';
}

interface ListResolverOptions {
  readonly destination: Destination;
  readonly rate: RateController;
  readonly gate: NetworkGate;
  readonly clock: Clock;
  readonly random: () => number;
  readonly maxAttempts: number;
  readonly control: RunControl;
  /** The target list name per segment index. */
  readonly listNames: readonly string[];
  /** Lists the journal already knows (segment index to list id). */
  readonly known: ReadonlyMap<number, string>;
  readonly onResolved: (segment: number, listId: string, created: boolean) => Promise<void>;
}

async function ensureListPatiently(options: ListResolverOptions, name: string) {
  const { control, destination, rate, gate, clock } = options;
  let faults = 0;
  for (;;) {
    await gate.pass(control.waitSignal);
    await rate.acquire(control.waitSignal);
    try {
      return await destination.ensureList(name, control.requestSignal);
    } catch (raw) {
      if (control.stopping) throw new DeliveryStopped('stopping', { cause: raw });
      if (!(raw instanceof DestinationError)) throw raw;
      if (raw.kind === 'rejected-key') throw raw;
      if (raw.kind === 'rate-limited') {
        rate.onRateLimited(raw.retryAfterMs);
      } else if (raw.kind === 'offline') {
        await gate.waitUntilOnline(control.waitSignal);
      } else if (raw.kind === 'transient' && faults + 1 < options.maxAttempts) {
        faults += 1;
        await clock.sleep(
          backoffDelay(transientBackoff, faults, options.random),
          control.waitSignal,
        );
      } else {
        throw new JobFailure(`The list "${name}" could not be found or created. ${raw.message}`, {
          cause: raw,
        });
      }
    }
  }
}

/** Returns `listId(segment, refresh?)`, memoized per segment; `refresh` looks the list up again. */
export function createListResolver(
  options: ListResolverOptions,
): (segment: number, refresh?: boolean) => Promise<string> {
  const cache = new Map<number, Promise<string>>();
  for (const [segment, listId] of options.known) cache.set(segment, Promise.resolve(listId));
  return (segment, refresh = false) => {
    const cached = cache.get(segment);
    if (cached && !refresh) return cached;
    const name = options.listNames[segment];
    if (name === undefined)
      return Promise.reject(new JobFailure(`No list for segment ${segment}.`));
    const pending = ensureListPatiently(options, name).then(async (list) => {
      await options.onResolved(segment, list.id, list.created);
      return list.id;
    });
    // A failed lookup is not cached: the next batch of the segment tries again.
    pending.catch(() => {
      if (cache.get(segment) === pending) cache.delete(segment);
    });
    cache.set(segment, pending);
    return pending;
  };
}
