import { beforeEach, describe, expect, it } from 'vitest';
import { contactEmail } from '../../bench/upload/snapshot-fixtures';
import { readJobLedger } from '../../core/jobs/job-ledger';
import type { JobManifest } from '../../core/jobs/job-manifest';
import { jobFile } from '../../core/jobs/job-store';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { deliveredContacts, UndeliveredRows } from '../../core/upload/sync-steps';
import { appendJournal, batchRecord, createJournalJob } from '../support/journal-fixtures';
import { useTempFolder } from '../support/temp-folder';

const dataFolder = useTempFolder('courier-sync-steps-');
let job: JobManifest;
let journal: string;

beforeEach(async () => {
  job = await createJournalJob(dataFolder());
  journal = jobFile(dataFolder(), job.id, 'journal');
});

const refused = (line: number) => ({
  line,
  email: contactEmail(line - 2),
  kind: 'refused' as const,
  reason: 'r',
});

async function delivered(onlyDone: boolean): Promise<string[]> {
  const input = {
    dataFolder: dataFolder(),
    manifest: job,
    snapshots: fileSnapshotAccess(dataFolder()),
    jobLedger: await readJobLedger(journal, job),
  };
  const undelivered = new UndeliveredRows(input);
  const emails: string[] = [];
  for await (const contact of deliveredContacts(input, 0, onlyDone, undelivered)) {
    emails.push(contact.email);
  }
  return emails;
}

describe('the contacts a job delivered', () => {
  it('are the rows of the done batches less their failed rows', async () => {
    await appendJournal(journal, batchRecord(0, { ok: 99, failed: [refused(5)] }), batchRecord(2));
    const done = await delivered(true);
    expect(done).toHaveLength(99 + 50);
    expect(done).not.toContain(contactEmail(3));
    expect(done).not.toContain(contactEmail(100)); // batch 1 is not done
    expect(await delivered(false)).toHaveLength(249);
  });

  // Issue 15, item 5: the sync steps read every batch record, fitting or not and however often
  // written, so a damaged line or a second record left delivered contacts out of the delivery
  // ledger (and the mirror could then never take them off the list).
  it('are what the ledger counts: each batch once, only records that fit the job', async () => {
    await appendJournal(
      journal,
      batchRecord(0, { ok: 99, failed: [refused(5)] }),
      batchRecord(0, { ok: 99, failed: [refused(6)] }), // written twice
      batchRecord(1, { ok: 50, failed: [refused(150)] }), // 51 of 100 answered for: no fit
      batchRecord(1),
      batchRecord(2),
    );
    const done = await delivered(true);
    expect(done).toHaveLength((await readJobLedger(journal, job)).totals.succeeded);
    expect(done).toHaveLength(249);
    expect(done).not.toContain(contactEmail(3));
    expect(done).toContain(contactEmail(4));
    expect(done).toContain(contactEmail(148));
  });
});
