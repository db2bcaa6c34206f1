import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobManifest } from '../../core/jobs/job-manifest';
import { writeRemovedRows } from '../../core/report/removed-rows';
import { readSyncJournal, syncTotals } from '../../core/sync/sync-journal';
import { appendJournal, removalRecord } from '../support/journal-fixtures';
import { useTempFolder } from '../support/temp-folder';

const folder = useTempFolder('courier-sync-journal-');

/** Only what the report's removed rows read of a mirroring job. */
const mirroring = {
  segments: [{ name: 'Weekly' }, { name: 'Monthly' }],
  sync: { full: false, mirror: true },
} as unknown as JobManifest;

describe('the sync journal', () => {
  it('sums removals and list checks per segment and in all', async () => {
    const journal = path.join(folder(), 'journal.jsonl');
    await appendJournal(
      journal,
      { t: 'removing', at: 1, seg: 0, seq: 0 },
      removalRecord(0, 0, { removed: ['a@x', 'b@x'], requests: 2, retries: 1 }),
      { t: 'removing', at: 2, seg: 1, seq: 0 },
      { t: 'listed', at: 3, seg: 1, added: 4, requests: 3, rateLimited: 1, retries: 0 },
    );
    const sync = await readSyncJournal(journal);
    expect([...(sync.begun.get(1) ?? [])]).toEqual([0]);
    expect(sync.removals.get(1)).toBeUndefined();
    expect(syncTotals(sync, 0)).toEqual({
      removed: 2,
      removalFailed: 0,
      addedToList: 0,
      requests: 2,
      rateLimited: 0,
      retries: 1,
    });
    expect(syncTotals(sync)).toMatchObject({ removed: 2, addedToList: 4, requests: 5 });
  });

  // Issue 15, item 5: the sync journal kept the last record of a group written twice and the
  // report the first, so the summary's removed count and the report's removed rows disagreed.
  it('counts a removal group written twice by its first record, as the report lists it', async () => {
    const journal = path.join(folder(), 'journal.jsonl');
    await appendJournal(
      journal,
      removalRecord(0, 0, { removed: ['a@x', 'b@x', 'c@x'] }),
      removalRecord(0, 0, { removed: ['a@x'], failed: [{ email: 'b@x', reason: 'r' }] }),
      removalRecord(1, 0, { removed: ['d@x'] }),
    );
    const totals = syncTotals(await readSyncJournal(journal));
    expect(totals).toMatchObject({ removed: 4, removalFailed: 0, requests: 2 });
    const rows: (readonly (string | number)[])[] = [];
    await writeRemovedRows((cells) => rows.push(cells), mirroring, journal);
    expect(rows.map(([segment, , email, problem]) => [segment, email, problem])).toEqual([
      ['Weekly', 'a@x', 'removed'],
      ['Weekly', 'b@x', 'removed'],
      ['Weekly', 'c@x', 'removed'],
      ['Monthly', 'd@x', 'removed'],
    ]);
    expect(rows.filter((row) => row[3] === 'removed')).toHaveLength(totals.removed);
  });
});
