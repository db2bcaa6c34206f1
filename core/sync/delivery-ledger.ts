/**
 * The delivery ledger (issue 13): per destination account and list, what this app delivered to
 * whom. The upload engine appends to it only after a batch (or a removal) is in the job's journal,
 * so it never claims a delivery that did not happen; a kill between the two costs a re-send.
 * Counting an export reads it (ledger-index.ts); the app and the command line share the file.
 */
import { GrowableFloat64, indexOfSorted } from './growable';
import { contactFingerprint, emailHash } from './fingerprints';
import { compactLedger, loadLedgerIndex, needsCompaction, type LedgerIndex } from './ledger-index';
import { appendEntries, readEntries } from './ledger-log';
import { ledgerFile, type LedgerLocation } from './ledger-paths';
import type { OutgoingContact } from '../destination-port/destination';

/** The list's ledger, compacted first when it has grown loose. */
export async function readLedger(location: LedgerLocation): Promise<LedgerIndex> {
  const file = ledgerFile(location);
  const index = await loadLedgerIndex(file);
  if (needsCompaction(index)) await compactLedger(file, index);
  return index;
}

export async function recordDeliveries(
  location: LedgerLocation,
  jobId: string,
  contacts: readonly OutgoingContact[],
): Promise<void> {
  await appendEntries(
    ledgerFile(location),
    contacts.map((contact) => ({
      kind: 'delivered' as const,
      key: emailHash(contact.email),
      fingerprint: contactFingerprint(contact),
      jobId,
      email: contact.email,
    })),
  );
}

export async function recordRemovals(
  location: LedgerLocation,
  jobId: string,
  emails: readonly string[],
): Promise<void> {
  await appendEntries(
    ledgerFile(location),
    emails.map((email) => ({ kind: 'removed' as const, key: emailHash(email), jobId, email })),
  );
}

/**
 * Members the ledger knows that are not among `segmentKeys` (ascending): who leaves the list when
 * mirroring. Their emails come from the log, once each.
 */
export async function findLeavers(
  location: LedgerLocation,
  index: LedgerIndex,
  segmentKeys: Float64Array,
): Promise<string[]> {
  const leaving = new GrowableFloat64();
  for (const key of index.keys()) {
    if (indexOfSorted(segmentKeys, key) < 0) leaving.push(key);
  }
  if (leaving.length === 0) return [];
  const wanted = leaving.sorted();
  const found = new Set<number>();
  const emails: string[] = [];
  for await (const { entry } of readEntries(ledgerFile(location))) {
    if (entry.kind !== 'delivered' || found.has(entry.key)) continue;
    if (indexOfSorted(wanted, entry.key) < 0) continue;
    if (index.fingerprint(entry.key) !== entry.fingerprint) continue;
    found.add(entry.key);
    emails.push(entry.email);
  }
  return emails;
}
