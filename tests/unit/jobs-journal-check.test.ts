import { existsSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeCliError } from '../../cli/cli-errors';
import { readJobLedger } from '../../core/jobs/job-ledger';
import type { JobManifest } from '../../core/jobs/job-manifest';
import { jobFile } from '../../core/jobs/job-store';
import { JournalWriteError, JournalWriter } from '../../core/jobs/journal';
import type { BatchRecord } from '../../core/jobs/journal-records';
import { listJobs } from '../../core/jobs/list-jobs';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { startUploadRun } from '../../core/upload/upload-run';
import { appendJournal, batchRecord, createJournalJob } from '../support/journal-fixtures';
import { FakeClock } from '../support/upload-fake-clock';
import { createFakeDestination } from '../support/upload-fake-destination';
import { useTempFolder } from '../support/temp-folder';

/**
 * Issue 12, item 9: a journal line counts as a done batch only when it is the batch the snapshot
 * rebuilds (same segment, sequence, size, first and last row), so an edited, foreign or damaged
 * line never makes rows look delivered that were not.
 */
const dataFolder = useTempFolder('courier-journal-check-');
let job: JobManifest;

beforeEach(async () => {
  // 250 contacts, lines 2..251: batches 0 (lines 2-101), 1 (102-201) and 2 (202-251, 50 rows).
  job = await createJournalJob(dataFolder());
});

async function journal(...records: BatchRecord[]): Promise<void> {
  await appendJournal(jobFile(dataFolder(), job.id, 'journal'), ...records);
}

async function resume() {
  const clock = new FakeClock();
  const destination = createFakeDestination(clock);
  const run = startUploadRun({
    dataFolder: dataFolder(),
    jobId: job.id,
    snapshots: fileSnapshotAccess(dataFolder()),
    destination,
    clock,
    random: () => 0.5,
  });
  return { result: await clock.run(run.done), destination };
}

describe('checking the journal', () => {
  it('counts only records that fit the job: its segments, sequence numbers and batch sizes', async () => {
    await journal(
      batchRecord(0),
      batchRecord(1, { seq: 7 }), // no such batch: 3 batches only
      batchRecord(2, { size: 100, ok: 100, last: 301 }), // the last batch has 50 contacts
      batchRecord(1, { seg: 3 }), // no such segment
      batchRecord(1, {
        ok: 100,
        failed: [{ line: 150, email: 'x@y', kind: 'refused', reason: 'r' }],
      }),
    );
    const ledger = await readJobLedger(jobFile(dataFolder(), job.id, 'journal'), job);
    expect(ledger.done.get(0)?.size).toBe(1);
    expect(ledger.totals.succeeded).toBe(100);
    expect(ledger.done.get(3)).toBeUndefined();
    // Listing (the History screen, `jobs`) and the per-segment bars never claim more than fits.
    const [listing] = await listJobs(dataFolder());
    expect(listing?.summary).toMatchObject({ succeeded: 100, failed: 0, valid: 250 });
    expect(listing?.segmentTallies).toEqual([{ succeeded: 100, refused: 0, givenUp: 0 }]);
    expect(ledger.segments).toEqual([{ succeeded: 100, refused: 0, givenUp: 0 }]);
  });

  it('sends again the rows of a record whose rows differ from the rebuilt batch, and counts them once', async () => {
    // Batch 1 claims lines 102-201 but a shifted range: not the batch the snapshot makes.
    await journal(batchRecord(0), batchRecord(1, { first: 103, last: 202 }), batchRecord(2));
    const { result, destination } = await resume();
    expect(destination.calls.map((call) => call.emails.length)).toEqual([100]);
    expect(destination.calls[0]?.emails[0]).toBe('person.100@example.com');
    expect(result.status).toBe('completed');
    expect(result.summary).toMatchObject({ succeeded: 250, sent: 250, failed: 0 });
  });

  it('does not finish a job as delivered on records that do not fit it', async () => {
    // Three "done" batches by count, but two are not batches of this job.
    await journal(batchRecord(0), batchRecord(7), batchRecord(1, { size: 99, ok: 99, last: 200 }));
    const { result, destination } = await resume();
    expect(destination.calls.map((call) => call.emails.length)).toEqual([100, 50]);
    expect(result.summary).toMatchObject({ succeeded: 250, sent: 250 });
    // Batch 0 was journaled as done; batches 1 and 2 are sent now.
    expect(destination.delivered.size).toBe(150);
    expect(destination.delivered.has('person.249@example.com')).toBe(true);
  });
});

describe('a journal that cannot be written', () => {
  it.skipIf(!existsSync('/dev/full'))(
    'says in words that the disk is full, and that what was sent is recorded',
    async () => {
      // /dev/full answers every write with "no space left on device".
      const writer = await JournalWriter.open('/dev/full');
      const error = await writer
        .append({ t: 'run', at: 0, pid: process.pid })
        .catch((caught: unknown) => caught);
      await writer.close().catch(() => undefined);
      expect(error).toBeInstanceOf(JournalWriteError);
      expect((error as Error).message).toContain('the disk holding the data folder is full');
      expect((error as Error).message).toContain('resume to send the rest');
      expect(describeCliError(error)).toMatchObject({ code: 'disk-full', exitCode: 2 });
    },
  );
});
