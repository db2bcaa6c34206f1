import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { readJobLedger } from '../../core/jobs/job-ledger';
import type { JobManifest } from '../../core/jobs/job-manifest';
import { jobFile } from '../../core/jobs/job-store';
import { writeJobReport } from '../../core/report/job-report';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { appendJournal, batchRecord, createJournalJob } from '../support/journal-fixtures';
import { useTempFolder } from '../support/temp-folder';

const dataFolder = useTempFolder('courier-job-report-');
let job: JobManifest;
let journal: string;

beforeEach(async () => {
  job = await createJournalJob(dataFolder());
  journal = jobFile(dataFolder(), job.id, 'journal');
});

/** The report's refused and given-up rows, as [line, problem]. */
async function failedRows(): Promise<[string, string][]> {
  const { file } = await writeJobReport(dataFolder(), job, fileSnapshotAccess(dataFolder()));
  const lines = (await readFile(file, 'utf8')).trim().split('\n').slice(1);
  return lines
    .map((line) => line.split(','))
    .filter((cells) => cells[3] === 'refused' || cells[3] === 'given up')
    .map((cells) => [cells[1] as string, cells[3] as string]);
}

const failure = (line: number, kind: 'refused' | 'given-up') => ({
  line,
  email: `person.${line - 2}@example.com`,
  kind,
  reason: 'r',
});

describe('the report of a job', () => {
  it('lists the failed rows of the batches the ledger counts, each batch once', async () => {
    await appendJournal(
      journal,
      batchRecord(0, { ok: 98, failed: [failure(5, 'refused'), failure(6, 'given-up')] }),
      batchRecord(0, { ok: 99, failed: [failure(7, 'refused')] }), // written twice
      batchRecord(1),
    );
    expect(await failedRows()).toEqual([
      ['5', 'refused'],
      ['6', 'given up'],
    ]);
  });

  // Issue 15, item 5: the report read every batch record, fitting or not, so a damaged or foreign
  // line listed rows the run then sent again and delivered, and hid the real record after it.
  it('leaves out records that do not fit the job, as the ledger does', async () => {
    await appendJournal(
      journal,
      batchRecord(1, { ok: 98, failed: [failure(150, 'refused')] }), // 99 of 100 answered for
      batchRecord(0, { seg: 3, ok: 99, failed: [failure(5, 'given-up')] }), // no such segment
      batchRecord(1, { ok: 99, failed: [failure(160, 'given-up')] }),
    );
    expect(await failedRows()).toEqual([['160', 'given up']]);
    const ledger = await readJobLedger(journal, job);
    expect(ledger.totals).toMatchObject({ refused: 0, givenUp: 1 });
  });
});
