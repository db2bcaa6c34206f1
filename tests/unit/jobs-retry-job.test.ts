import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFixtureJob } from '../../bench/upload/job-fixtures';
import {
  generatedColumns,
  generatedMapping,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';
import type { JobManifest } from '../../core/jobs/job-manifest';
import {
  jobFile,
  readJobManifest,
  selectionFile,
  writeJobManifest,
} from '../../core/jobs/job-store';
import { JournalWriter } from '../../core/jobs/journal';
import type { BatchRecord } from '../../core/jobs/journal-records';
import { RowSelection } from '../../core/upload/row-selection';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { removeSnapshot } from '../../core/segments/snapshot-store';
import { readJobLedger } from '../../core/jobs/job-ledger';
import { createRetryJob, findRetryJob, readRetryOf, RetryError } from '../../core/jobs/retry-job';
import { useTempFolder } from '../support/temp-folder';

// "Retry failed rows" over real job files: a snapshot in the importer's format, a job created as
// the app creates it, and a journal saying which rows were given up and which were refused.

const dataFolder = useTempFolder('courier-retry-');
beforeEach(async () => {
  // 30 contacts (lines 2..31), an unusable email (line 32), and a repeat of line 2 (line 33).
  const rows = [...generatedRows(30), ['oops', '', '', '', ''], [...generatedRows(1)][0] ?? []];
  await writeSnapshot(dataFolder(), {
    segmentId: 'seg',
    name: 'Clients',
    columns: generatedColumns,
    rows,
  });
});

function batch(seq: number, failed: BatchRecord['failed'], size = 10): BatchRecord {
  const first = seq * 10 + 2;
  return {
    t: 'batch',
    at: 1_000 + seq,
    seg: 0,
    seq,
    first,
    last: first + size - 1,
    size,
    ok: size - failed.length,
    failed,
    requests: 1,
    rateLimited: 0,
    retries: 0,
  };
}

const givenUp = (line: number) => ({
  line,
  email: `person.${line - 2}@example.com`,
  kind: 'given-up' as const,
  reason: 'Not delivered after 8 tries.',
});

/** A finished job whose batch 1 (lines 12..21) was given up and line 5 refused. */
async function finishedJob(): Promise<JobManifest> {
  const job = await createFixtureJob({
    dataFolder: dataFolder(),
    segments: [{ segmentId: 'seg', listName: 'Clients' }],
    mapping: generatedMapping,
    settings: { batchSize: 10 },
  });
  const journal = await JournalWriter.open(jobFile(dataFolder(), job.id, 'journal'));
  const refused = {
    line: 5,
    email: 'person.3@example.com',
    kind: 'refused' as const,
    reason: 'Bad',
  };
  await journal.append(batch(0, [refused]));
  await journal.append(
    batch(
      1,
      Array.from({ length: 10 }, (_, index) => givenUp(12 + index)),
    ),
  );
  await journal.append(batch(2, []));
  await journal.append(batch(1, [])); // written twice by a crash-and-resume: counted once
  await journal.close();
  const finished = { ...job, status: 'completed_with_errors' as const };
  await writeJobManifest(dataFolder(), finished);
  return finished;
}

describe('Retry failed rows', () => {
  it('selects only the rows given up after faults: not refused, invalid or duplicate ones', async () => {
    const job = await finishedJob();
    expect((await readJobLedger(jobFile(dataFolder(), job.id, 'journal'))).segments).toEqual([
      { succeeded: 19, refused: 1, givenUp: 10 },
    ]);

    const now = new Date('2026-03-01T12:00:00Z');
    const { manifest, contacts } = await createRetryJob({
      dataFolder: dataFolder(),
      jobId: job.id,
      snapshots: fileSnapshotAccess(dataFolder()),
      osUser: 'marta',
      now,
    });
    expect(contacts).toBe(10);
    expect(manifest.segments[0]).toMatchObject({ rows: 10, valid: 10, invalid: 0, duplicates: 0 });
    expect(manifest.destination).toEqual(job.destination);
    expect(manifest.settings).toEqual(job.settings);
    expect(manifest.consent).toMatchObject({
      confirmedAt: now.toISOString(),
      osUser: 'marta',
      profiles: 10,
    });

    const selection = RowSelection.fromBytes(
      await readFile(selectionFile(dataFolder(), manifest.id, 0)),
    );
    // The new selection covers the whole snapshot (32 rows) and picks rows 10..19 (lines 12..21).
    expect(selection.rows).toBe(32);
    const picked = Array.from({ length: 32 }, (_, row) => row).filter((row) => selection.has(row));
    expect(picked).toEqual(Array.from({ length: 10 }, (_, index) => 10 + index));

    expect(await readRetryOf(dataFolder(), manifest.id)).toBe(job.id);
    expect(await findRetryJob(dataFolder(), job.id)).toBe(manifest.id);
    expect(await findRetryJob(dataFolder(), manifest.id)).toBeNull();
  });

  it('refuses a job that has nothing to retry, or has not finished', async () => {
    const job = await finishedJob();
    const snapshots = fileSnapshotAccess(dataFolder());
    await writeJobManifest(dataFolder(), { ...job, status: 'completed' });
    await expect(
      createRetryJob({ dataFolder: dataFolder(), jobId: job.id, snapshots, osUser: 'marta' }),
    ).rejects.toMatchObject({ kind: 'nothing-to-retry' });
    await writeJobManifest(dataFolder(), { ...job, status: 'paused' });
    await expect(
      createRetryJob({ dataFolder: dataFolder(), jobId: job.id, snapshots, osUser: 'marta' }),
    ).rejects.toMatchObject({ kind: 'not-finished' });
    expect((await readJobManifest(dataFolder(), job.id)).status).toBe('paused');
  });

  it('says so plainly when the segment’s saved copy is gone', async () => {
    const job = await finishedJob();
    await removeSnapshot(dataFolder(), 'seg');
    const attempt = createRetryJob({
      dataFolder: dataFolder(),
      jobId: job.id,
      snapshots: fileSnapshotAccess(dataFolder()),
      osUser: 'marta',
    });
    await expect(attempt).rejects.toBeInstanceOf(RetryError);
    await expect(attempt).rejects.toMatchObject({
      kind: 'segment-missing',
      message: expect.stringContaining('The saved copy of the segment “Clients” is gone'),
    });
  });
});
