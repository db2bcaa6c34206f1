import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../core/files/private-files';
import { readJobLedger } from '../../core/jobs/job-ledger';
import { acquireJobLock, JobBusyError, jobLockHolder } from '../../core/jobs/job-lock';
import { JournalWriter, readJournal } from '../../core/jobs/journal';
import type { BatchRecord } from '../../core/jobs/journal-records';
import { SequenceSet } from '../../core/jobs/sequence-set';
import { useTempFolder } from '../support/temp-folder';

const folder = useTempFolder('courier-journal-');

function batch(seq: number, extra: Partial<BatchRecord> = {}): BatchRecord {
  return {
    t: 'batch',
    at: 1000 + seq,
    seg: 0,
    seq,
    first: seq * 100 + 2,
    last: seq * 100 + 101,
    size: 100,
    ok: 100,
    failed: [],
    requests: 1,
    rateLimited: 0,
    retries: 0,
    ...extra,
  };
}

async function collect(file: string) {
  const records = [];
  for await (const record of readJournal(file)) records.push(record);
  return records;
}

describe('sequence set', () => {
  it('keeps done batches as a few ranges whatever the order they finish in', () => {
    const set = new SequenceSet();
    for (const value of [0, 2, 1, 5, 3, 4, 9, 7, 8, 6, 6]) set.add(value);
    expect(set.size).toBe(10);
    expect(set.rangeCount).toBe(1);
    expect([...Array(12).keys()].filter((value) => set.has(value))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    set.add(20);
    expect(set.rangeCount).toBe(2);
    expect(set.has(15)).toBe(false);
  });

  it('stays tiny for ten thousand batches finishing slightly out of order', () => {
    const set = new SequenceSet();
    for (let base = 0; base < 10_000; base += 4)
      for (const offset of [2, 0, 3, 1]) set.add(base + offset);
    expect(set.size).toBe(10_000);
    expect(set.rangeCount).toBe(1);
  });
});

describe('journal', () => {
  it('writes records that were appended together with one flush and reads them back', async () => {
    const file = path.join(folder(), 'journal.jsonl');
    const journal = await JournalWriter.open(file);
    await Promise.all([0, 1, 2, 3].map((seq) => journal.append(batch(seq))));
    await journal.close();
    expect((await collect(file)).map((record) => (record.t === 'batch' ? record.seq : -1))).toEqual(
      [0, 1, 2, 3],
    );
  });

  it('ignores a torn last line, and cuts it before appending again', async () => {
    const file = path.join(folder(), 'journal.jsonl');
    const journal = await JournalWriter.open(file);
    await journal.append(batch(0));
    await journal.close();
    await appendFile(file, JSON.stringify(batch(1)).slice(0, 40)); // A kill in the middle of a write.
    expect(await collect(file)).toHaveLength(1);
    const reopened = await JournalWriter.open(file);
    await reopened.append(batch(2));
    await reopened.close();
    const text = await readFile(file, 'utf8');
    expect(
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).seq),
    ).toEqual([0, 2]);
  });

  it('sums the ledger across runs and never counts a batch twice', async () => {
    const file = path.join(folder(), 'journal.jsonl');
    const journal = await JournalWriter.open(file);
    await journal.append({ t: 'run', at: 0, pid: 1 });
    await journal.append(batch(0, { at: 500 }));
    await journal.append(
      batch(1, {
        at: 900,
        ok: 98,
        failed: [
          { line: 150, email: 'a@b', kind: 'refused', reason: 'bad' },
          { line: 151, email: 'c@d', kind: 'given-up', reason: 'faults' },
        ],
        requests: 9,
        rateLimited: 2,
        retries: 3,
      }),
    );
    await journal.append({ t: 'run', at: 10_000, pid: 2 });
    await journal.append(batch(1, { at: 10_100 }));
    await journal.append({ t: 'end', at: 10_400, status: 'completed' });
    await journal.close();
    const ledger = await readJobLedger(file);
    expect(ledger.totals).toEqual({
      succeeded: 198,
      refused: 1,
      givenUp: 1,
      requests: 10,
      rateLimited: 2,
      retries: 3,
    });
    expect(ledger.elapsedMs).toBe(900 + 400);
    expect(ledger.runs).toBe(2);
  });
});

describe('atomic replace and the run lock', () => {
  it('replaces a file without leaving temporary files', async () => {
    const file = path.join(folder(), 'manifest.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(folder())).toEqual(['manifest.json']);
  });

  it('refuses a second live runner and takes over a lock left by a dead process', async () => {
    const lockFile = path.join(folder(), 'run.lock');
    const lock = await acquireJobLock(lockFile, 'job-1', process.pid);
    await expect(acquireJobLock(lockFile, 'job-1', process.pid + 1)).rejects.toBeInstanceOf(
      JobBusyError,
    );
    await lock.release();
    await writeFile(lockFile, '999999999'); // No such process.
    const taken = await acquireJobLock(lockFile, 'job-1');
    // The lock is now a numbered file beside the old name (job-lock.ts); its holder is this process.
    expect(await jobLockHolder(lockFile)).toBe(process.pid);
    await taken.release();
    expect(await jobLockHolder(lockFile)).toBeNull();
  });
});
