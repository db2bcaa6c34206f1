import { appendFile, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingContact } from '../../core/destination-port/destination';
import {
  findLeavers,
  readLedger,
  recordDeliveries,
  recordRemovals,
} from '../../core/sync/delivery-ledger';
import { contactFingerprint, emailHash } from '../../core/sync/fingerprints';
import { compactLedger, loadLedgerIndex, needsCompaction } from '../../core/sync/ledger-index';
import { ledgerFile, type LedgerLocation } from '../../core/sync/ledger-paths';
import { readListReading, writeListReading } from '../../core/sync/list-reading';
import { useTempFolder } from '../support/temp-folder';

const folder = useTempFolder('courier-ledger-');
let location: LedgerLocation;

beforeEach(async () => {
  location = { dataFolder: folder(), endpoint: 'http://127.0.0.1:1/v1', listId: 'contactlist_A' };
});

function contact(
  email: string,
  first = 'Anna',
  extra: Record<string, string> = {},
): OutgoingContact {
  return { email, standard: { FirstName: first, ...extra }, custom: [] };
}

const keys = (emails: string[]) => new Float64Array(emails.map(emailHash)).sort();

describe('contact fingerprints', () => {
  it('change with any sent field and ignore key order and email case', () => {
    const base = contactFingerprint(contact('a@x.com', 'Anna', { LastName: 'Puig' }));
    expect(contactFingerprint(contact('A@X.com', 'Anna', { LastName: 'Puig' }))).toBe(base);
    expect(
      contactFingerprint({
        email: 'a@x.com',
        standard: { LastName: 'Puig', FirstName: 'Anna' },
        custom: [],
      }),
    ).toBe(base);
    expect(contactFingerprint(contact('a@x.com', 'Anna', { LastName: 'Vila' }))).not.toBe(base);
    expect(contactFingerprint(contact('a@x.com', 'Anna'))).not.toBe(base);
    const withCustom = {
      ...contact('a@x.com'),
      custom: [{ name: 'Tier', type: 'string' as const, value: 'Gold' }],
    };
    expect(contactFingerprint(withCustom)).not.toBe(contactFingerprint(contact('a@x.com')));
  });
});

describe('the delivery ledger', () => {
  it('keeps the last delivery per email and forgets who was taken off', async () => {
    await recordDeliveries(location, 'job-1', [
      contact('a@x.com'),
      contact('b@x.com'),
      contact('c@x.com'),
    ]);
    await recordDeliveries(location, 'job-2', [contact('B@x.com', 'Berta')]);
    await recordRemovals(location, 'job-2', ['c@x.com']);
    const index = await readLedger(location);
    expect(index.size).toBe(2);
    expect(index.fingerprint(emailHash('a@x.com'))).toBe(contactFingerprint(contact('a@x.com')));
    expect(index.fingerprint(emailHash('b@x.com'))).toBe(
      contactFingerprint(contact('b@x.com', 'Berta')),
    );
    expect(index.fingerprint(emailHash('c@x.com'))).toBeUndefined();
    // Delivered again after a removal: on the list again.
    await recordDeliveries(location, 'job-3', [contact('c@x.com')]);
    expect((await readLedger(location)).size).toBe(3);
  });

  it('skips a line torn by a kill, and the next append starts on a fresh line', async () => {
    await recordDeliveries(location, 'job-1', [contact('a@x.com')]);
    await appendFile(ledgerFile(location), `+\t${'0'.repeat(13)}\t00000`);
    await recordDeliveries(location, 'job-1', [contact('b@x.com')]);
    const index = await loadLedgerIndex(ledgerFile(location));
    expect(index.size).toBe(2);
    expect(index.fingerprint(emailHash('b@x.com'))).toBe(contactFingerprint(contact('b@x.com')));
  });

  it('compacts a loose log to one line per member without changing what it says', async () => {
    for (let round = 0; round < 6; round += 1) {
      await recordDeliveries(
        location,
        `job-${round}`,
        Array.from({ length: 300 }, (_, index) => contact(`p${index}@x.com`, `Name${round}`)),
      );
    }
    await recordRemovals(location, 'job-9', ['p0@x.com', 'p1@x.com']);
    const loose = await loadLedgerIndex(ledgerFile(location));
    expect(loose.lines).toBe(1_802);
    expect(needsCompaction(loose)).toBe(true);
    await compactLedger(ledgerFile(location), loose);
    const text = await readFile(ledgerFile(location), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(298);
    const compacted = await loadLedgerIndex(ledgerFile(location));
    expect(compacted.size).toBe(298);
    expect([...compacted.keys()]).toEqual([...loose.keys()]);
    expect(compacted.fingerprint(emailHash('p7@x.com'))).toBe(
      contactFingerprint(contact('p7@x.com', 'Name5')),
    );
    // Replaced as every data-folder file is: private, and no temporary file left beside it.
    const file = ledgerFile(location);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readdir(path.dirname(file))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('finds who left the segment, by email, and nobody else', async () => {
    await recordDeliveries(
      location,
      'job-1',
      ['a', 'b', 'c', 'd'].map((name) => contact(`${name}@x.com`)),
    );
    await recordRemovals(location, 'job-1', ['d@x.com']);
    const index = await readLedger(location);
    const leavers = await findLeavers(location, index, keys(['a@x.com', 'new@x.com']));
    expect(leavers.sort()).toEqual(['b@x.com', 'c@x.com']);
  });

  it('keeps ledgers of other lists and accounts apart, and remembers a list’s reading', async () => {
    await recordDeliveries(location, 'job-1', [contact('a@x.com')]);
    const other = { ...location, listId: 'contactlist_B' };
    const elsewhere = { ...location, endpoint: 'http://127.0.0.1:2/v1' };
    expect((await readLedger(other)).size).toBe(0);
    expect((await readLedger(elsewhere)).size).toBe(0);
    expect(await readListReading(location)).toBe('unknown');
    await writeListReading(location, 'strict');
    expect(await readListReading(location)).toBe('strict');
    expect(await readListReading(other)).toBe('unknown');
  });
});
