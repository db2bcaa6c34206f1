/**
 * Finds (or creates) each segment's list once per run, through the run's Pacer like a batch: paced,
 * held on 429, parked while offline, retried on faults. A list that cannot be had (refused, or
 * faults beyond the limit) fails the job with the reason, since no contact of the segment can go.
 */
import { DestinationError, type Destination } from '../destination-port/destination';
import { OutOfTries, type CallCounts, type Pacer } from './pacer';

class JobFailure extends Error {
  override readonly name = 'JobFailure';
}

interface ListResolverOptions {
  readonly destination: Destination;
  readonly pacer: Pacer;
  /** The target list name per segment index. */
  readonly listNames: readonly string[];
  /** Lists the journal already knows (segment index to list id). */
  readonly known: ReadonlyMap<number, string>;
  readonly onResolved: (segment: number, listId: string, created: boolean) => Promise<void>;
}

function listFailure(name: string, cause: DestinationError): JobFailure {
  return new JobFailure(`The list "${name}" could not be found or created. ${cause.message}`, {
    cause,
  });
}

async function ensureListPatiently(options: ListResolverOptions, name: string) {
  // A lookup's requests are counted nowhere: its journal line (`list`) has no counts.
  const uncounted: CallCounts = { requests: 0, rateLimited: 0, retries: 0 };
  try {
    return await options.pacer.request(
      uncounted,
      (signal) => options.destination.ensureList(name, signal),
      { throwsUnexpected: true },
    );
  } catch (error) {
    if (error instanceof OutOfTries) throw listFailure(name, error.lastError);
    if (error instanceof DestinationError && error.kind !== 'rejected-key') {
      throw listFailure(name, error);
    }
    // A stop, a rejected key (the job pauses) or a bug.
    throw error;
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
