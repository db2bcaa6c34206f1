/**
 * The sync side of counting an export (issue 13): find the target list among the account's lists
 * (a list that does not exist yet has no ledger: everyone is new) and read its delivery ledger.
 * The command line and the app's plan both use this, so their counts agree.
 */
import type { Destination, DestinationList } from '../destination-port/destination';
import type { ExportSegmentRequest, SegmentSync } from '../upload/export-plan';
import { readLedger } from './delivery-ledger';
import { LedgerIndex } from './ledger-index';

interface SyncPlanOptions {
  readonly dataFolder: string;
  readonly endpoint: string;
  readonly full: boolean;
}

function findListNamed(
  lists: readonly DestinationList[],
  name: string,
): DestinationList | undefined {
  const wanted = name.trim().toLowerCase();
  return lists.find((list) => list.name.trim().toLowerCase() === wanted);
}

export async function syncForList(
  options: SyncPlanOptions,
  listId: string | undefined,
): Promise<SegmentSync> {
  const location = {
    dataFolder: options.dataFolder,
    endpoint: options.endpoint,
    listId: listId ?? '',
  };
  const ledger = listId ? await readLedger(location) : LedgerIndex.empty();
  return { location, ledger, full: options.full };
}

/** One look at the account's lists, then each request's ledger (the same list is read once). */
export async function syncResolver(
  destination: Destination,
  options: SyncPlanOptions,
): Promise<(request: ExportSegmentRequest) => Promise<SegmentSync>> {
  const lists = await destination.listLists();
  const cache = new Map<string, Promise<SegmentSync>>();
  return (request) => {
    const listId = request.listId ?? findListNamed(lists, request.listName)?.id;
    const key = listId ?? `new:${request.listName}`;
    let sync = cache.get(key);
    if (!sync) {
      sync = syncForList(options, listId);
      cache.set(key, sync);
    }
    return sync;
  };
}
