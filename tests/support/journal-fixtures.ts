/**
 * A small job and the journal lines of its batches and removal groups, written by hand: for the
 * tests of the readers of the journal (journal-fold.ts and the tallies, report and sync steps
 * built on it) and of the views of a job (jobs-views.ts).
 */
import { appendFile } from 'node:fs/promises';
import { createFixtureJob } from '../../bench/upload/job-fixtures';
import {
  generatedColumns,
  generatedMapping,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';
import type { JobManifest } from '../../core/jobs/job-manifest';
import type { BatchRecord, JournalRecord } from '../../core/jobs/journal-records';
import type { RemovalRecord } from '../../core/jobs/sync-records';

/**
 * A job of one segment of 250 contacts (person.0 … person.249 on lines 2..251), 100 per batch:
 * batches 0 (lines 2-101), 1 (102-201) and 2 (202-251, 50 rows).
 */
export async function createJournalJob(dataFolder: string): Promise<JobManifest> {
  await writeSnapshot(dataFolder, {
    segmentId: 'seg',
    columns: generatedColumns,
    rows: generatedRows(250),
  });
  return createFixtureJob({
    dataFolder,
    segments: [{ segmentId: 'seg', listName: 'Journal' }],
    mapping: generatedMapping,
  });
}

/** The record of batch `seq` of that job, every contact delivered, changed by `extra`. */
export function batchRecord(seq: number, extra: Partial<BatchRecord> = {}): BatchRecord {
  const size = seq === 2 ? 50 : 100;
  return {
    t: 'batch',
    at: 1_000 + seq,
    seg: 0,
    seq,
    first: seq * 100 + 2,
    last: seq * 100 + 1 + size,
    size,
    ok: size,
    failed: [],
    requests: 1,
    rateLimited: 0,
    retries: 0,
    ...extra,
  };
}

/** A done removal group of segment `seg`. */
export function removalRecord(
  seg: number,
  seq: number,
  extra: Partial<RemovalRecord> = {},
): RemovalRecord {
  return {
    t: 'removal',
    at: 5_000 + seq,
    seg,
    seq,
    removed: [],
    failed: [],
    requests: 1,
    rateLimited: 0,
    retries: 0,
    ...extra,
  };
}

/** Appends the records as journal lines, the way JournalWriter writes them. */
export async function appendJournal(file: string, ...records: JournalRecord[]): Promise<void> {
  await appendFile(file, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
}
