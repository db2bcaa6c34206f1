/**
 * Where the delivery ledger lives: <dataFolder>/sync/<account>/<list>.log, one file per
 * destination account and list. The account is named by a digest of its endpoint; Autopilot's
 * list ids are unique across accounts, so the list id alone already tells lists apart.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

export function syncFolder(dataFolder: string): string {
  return path.join(dataFolder, 'sync');
}

function accountFolder(dataFolder: string, endpoint: string): string {
  const normalized = endpoint.trim().replace(/\/+$/, '').toLowerCase();
  const digest = createHash('sha256').update(normalized).digest('hex').slice(0, 16);
  return path.join(syncFolder(dataFolder), digest);
}

function safeName(listId: string): string {
  return listId.replace(/[^A-Za-z0-9_-]/g, '_');
}

export interface LedgerLocation {
  readonly dataFolder: string;
  readonly endpoint: string;
  readonly listId: string;
}

export function ledgerFile(location: LedgerLocation): string {
  return path.join(
    accountFolder(location.dataFolder, location.endpoint),
    `${safeName(location.listId)}.log`,
  );
}

/** What the app learnt about how the list applies `_autopilot_list` (list-reading.ts). */
export function readingFile(location: LedgerLocation): string {
  return path.join(
    accountFolder(location.dataFolder, location.endpoint),
    `${safeName(location.listId)}.reading.json`,
  );
}
