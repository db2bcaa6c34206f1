import { appendFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { readJobLedger } from '../../core/jobs/job-ledger';
import type { JobManifest } from '../../core/jobs/job-manifest';
import { jobFile } from '../../core/jobs/job-store';
import {
  foldBatches,
  foldJournal,
  recordFitsJob,
  type JournalFoldOptions,
} from '../../core/jobs/journal-fold';
import type { JournalRecord } from '../../core/jobs/journal-records';
import {
  appendJournal,
  batchRecord,
  createJournalJob,
  removalRecord,
} from '../support/journal-fixtures';
import { useTempFolder } from '../support/temp-folder';

/** Issue 15, item 5: every reader of a job's journal counts the same records by one rule. */
const dataFolder = useTempFolder('courier-journal-fold-');
let job: JobManifest;
let journal: string;

beforeEach(async () => {
  job = await createJournalJob(dataFolder());
  journal = jobFile(dataFolder(), job.id, 'journal');
});

async function folded(options?: JournalFoldOptions): Promise<JournalRecord[]> {
  const records: JournalRecord[] = [];
  for await (const record of foldJournal(journal, options)) records.push(record);
  return records;
}

const refused = (line: number) => ({
  line,
  email: `x${line}@y`,
  kind: 'refused' as const,
  reason: 'r',
});

describe('the journal fold', () => {
  it('counts a batch written twice once, by its first record', async () => {
    await appendJournal(
      journal,
      batchRecord(0, { ok: 99, failed: [refused(5)] }),
      batchRecord(1),
      batchRecord(0, { at: 9_000 }),
    );
    const batches = await folded({ manifest: job });
    expect(batches.map((record) => record.t === 'batch' && [record.seq, record.ok])).toEqual([
      [0, 99],
      [1, 100],
    ]);
    const ledger = await readJobLedger(journal, job);
    expect(ledger.totals).toMatchObject({ succeeded: 199, refused: 1, requests: 2 });
  });

  it('with the manifest, leaves out records that do not fit, and one never hides the real record after it', async () => {
    await appendJournal(
      journal,
      batchRecord(1, { ok: 98, failed: [refused(150)] }), // 99 rows answered for, of 100
      batchRecord(7), // no such batch: 3 batches only
      batchRecord(0, { seg: 3 }), // no such segment
      batchRecord(1),
    );
    const fitting = [];
    for await (const record of foldBatches(journal, { manifest: job })) fitting.push(record);
    expect(fitting).toEqual([batchRecord(1)]);
    expect(fitting.every((record) => recordFitsJob(record, job))).toBe(true);
    // Without the manifest nothing can be judged: each batch once, whatever it claims.
    const unjudged = [];
    for await (const record of foldBatches(journal)) unjudged.push([record.seg, record.seq]);
    expect(unjudged).toEqual([
      [0, 1],
      [0, 7],
      [3, 0],
    ]);
  });

  it('checks `accept` before counting a batch once, so a record that fails it leaves the batch open', async () => {
    await appendJournal(journal, batchRecord(1, { first: 103, last: 202 }), batchRecord(1));
    const accepted = await folded({ manifest: job, accept: (record) => record.first === 102 });
    expect(accepted).toEqual([batchRecord(1)]);
  });

  it('skips a torn last line: that batch was not done', async () => {
    await appendJournal(journal, { t: 'run', at: 0, pid: 1 }, batchRecord(0));
    await appendFile(journal, JSON.stringify(batchRecord(1)).slice(0, 40)); // A kill mid-write.
    expect((await folded({ manifest: job })).map((record) => record.t)).toEqual(['run', 'batch']);
    expect((await readJobLedger(journal, job)).done.get(0)?.size).toBe(1);
  });

  it('answers nothing for a job with no journal yet', async () => {
    expect(await folded({ manifest: job })).toEqual([]);
  });

  it('keeps each removal group once, by its first record, per segment', async () => {
    const first = removalRecord(0, 0, { removed: ['a@x', 'b@x'] });
    await appendJournal(
      journal,
      { t: 'removing', at: 4_000, seg: 0, seq: 0 },
      first,
      removalRecord(0, 0, { removed: ['a@x'], failed: [{ email: 'b@x', reason: 'r' }] }),
      removalRecord(0, 1),
      removalRecord(1, 0),
    );
    const removals = (await folded()).filter((record) => record.t === 'removal');
    expect(removals).toEqual([first, removalRecord(0, 1), removalRecord(1, 0)]);
  });

  it('passes every other record through, in order', async () => {
    const others: JournalRecord[] = [
      { t: 'run', at: 0, pid: 1 },
      { t: 'list', at: 1, seg: 0, listId: 'L1', created: true },
      { t: 'removing', at: 2, seg: 0, seq: 0 },
      { t: 'removing', at: 3, seg: 0, seq: 0 },
      { t: 'listed', at: 4, seg: 0, added: 0, requests: 1, rateLimited: 0, retries: 0 },
      { t: 'end', at: 5, status: 'completed' },
    ];
    await appendJournal(journal, ...others);
    expect(await folded({ manifest: job })).toEqual(others);
  });
});
