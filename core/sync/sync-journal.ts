/**
 * What a job's journal says about its sync steps (sync-records.ts): which removal groups are done
 * or were under way when a run stopped, and which segments' lists were checked. Streamed through
 * the one fold (journal-fold.ts), so a removal group written twice counts by its first record, as
 * in the report.
 */
import { foldJournal } from '../jobs/journal-fold';
import type { ListedRecord, RemovalRecord } from '../jobs/sync-records';

export interface SyncJournal {
  /** Segment → removal group number → its record (the first, if written twice). */
  readonly removals: Map<number, Map<number, RemovalRecord>>;
  /** Segment → removal groups begun (a `removing` line) whether or not they finished. */
  readonly begun: Map<number, Set<number>>;
  readonly listed: Map<number, ListedRecord>;
}

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

export async function readSyncJournal(file: string): Promise<SyncJournal> {
  const journal: SyncJournal = { removals: new Map(), begun: new Map(), listed: new Map() };
  for await (const record of foldJournal(file)) {
    if (record.t === 'removing') entry(journal.begun, record.seg, () => new Set()).add(record.seq);
    else if (record.t === 'removal') {
      entry(journal.removals, record.seg, () => new Map()).set(record.seq, record);
    } else if (record.t === 'listed') journal.listed.set(record.seg, record);
  }
  return journal;
}

interface SyncTotals {
  removed: number;
  removalFailed: number;
  addedToList: number;
  requests: number;
  rateLimited: number;
  retries: number;
}

export function syncTotals(journal: SyncJournal, segment?: number): SyncTotals {
  const totals: SyncTotals = {
    removed: 0,
    removalFailed: 0,
    addedToList: 0,
    requests: 0,
    rateLimited: 0,
    retries: 0,
  };
  const add = (record: { requests: number; rateLimited: number; retries: number }): void => {
    totals.requests += record.requests;
    totals.rateLimited += record.rateLimited;
    totals.retries += record.retries;
  };
  for (const [seg, records] of journal.removals) {
    if (segment !== undefined && seg !== segment) continue;
    for (const record of records.values()) {
      totals.removed += record.removed.length;
      totals.removalFailed += record.failed.length;
      add(record);
    }
  }
  for (const [seg, record] of journal.listed) {
    if (segment !== undefined && seg !== segment) continue;
    totals.addedToList += record.added;
    add(record);
  }
  return totals;
}
