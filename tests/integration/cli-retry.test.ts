import { appendFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createFixtureJob } from '../../bench/upload/job-fixtures';
import {
  contactEmail,
  generatedColumns,
  generatedMapping,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';
import { jobFile, writeJobManifest } from '../../core/jobs/job-store';
import type { BatchRecord } from '../../core/jobs/journal-records';
import { useCliWorld } from '../support/cli-world';

/**
 * `retry <job-id>` (issue 15, asked by issue 12 item 10's "no way to retry from the command
 * line"): a finished job's rows given up after repeated errors go again, as the app's Retry does;
 * refused rows do not, and nothing goes without --consent.
 */
const world = useCliWorld('courier-cli-retry-');
const cli = world.cli;

const failure = (line: number, kind: 'given-up' | 'refused') => ({
  line,
  email: contactEmail(line - 2),
  kind,
  reason: kind === 'refused' ? 'Invalid Email' : 'Autopilot kept answering with an error.',
});

/** A job over 150 contacts that ended with two rows given up and one refused. */
async function finishedWithErrors() {
  await writeSnapshot(world.dataFolder, {
    segmentId: 'seg',
    columns: generatedColumns,
    rows: generatedRows(150),
  });
  const job = await createFixtureJob({
    dataFolder: world.dataFolder,
    segments: [{ segmentId: 'seg', listName: 'Retried' }],
    mapping: generatedMapping,
    endpoint: world.server.url,
  });
  const batch = (seq: number, failed: BatchRecord['failed']): BatchRecord => {
    const size = seq === 0 ? 100 : 50;
    const first = seq * 100 + 2;
    return {
      ...{ t: 'batch', at: 1, seg: 0, seq, first, last: first + size - 1, size },
      ...{ ok: size - failed.length, failed, requests: 8, rateLimited: 0, retries: 7 },
    };
  };
  const records = [
    batch(0, []),
    batch(1, [failure(110, 'given-up'), failure(120, 'given-up'), failure(130, 'refused')]),
  ];
  await appendFile(
    jobFile(world.dataFolder, job.id, 'journal'),
    records.map((record) => `${JSON.stringify(record)}\n`).join(''),
  );
  await writeJobManifest(world.dataFolder, { ...job, status: 'completed_with_errors' });
  return job;
}

describe('npm run cli -- retry', () => {
  it('sends only the rows given up after errors, with consent, as a new job', async () => {
    const job = await finishedWithErrors();
    const asked = await cli(['retry', job.id, '--json']);
    expect(asked.code).toBe(2);
    expect(JSON.parse(asked.stdout)).toMatchObject({ consentRequired: true, contacts: 2, sent: 0 });
    expect(world.server.counters.total).toBe(0);

    const retried = await cli(['retry', job.id, '--consent', '--json']);
    expect(retried.code, retried.stderr).toBe(0);
    const summary = JSON.parse(retried.stdout);
    expect(summary).toMatchObject({
      status: 'completed',
      succeeded: 2,
      failed: 0,
      retryOf: job.id,
    });
    expect(summary.jobId).not.toBe(job.id);
    expect(world.server.counters.contactsAccepted).toBe(2);
    const members = world.server.contactsInList('Retried').map((member) => String(member.Email));
    expect(members.sort()).toEqual([contactEmail(108), contactEmail(118)]);

    const again = await cli(['retry', summary.jobId, '--consent', '--json']);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout).error.code).toBe('retry-nothing-to-retry');
  });

  it('refuses a job that has not finished: it is resumed instead', async () => {
    const job = await finishedWithErrors();
    await writeJobManifest(world.dataFolder, { ...job, status: 'paused' });
    const result = await cli(['retry', job.id, '--consent', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error.code).toBe('retry-not-finished');
    expect(result.stderr).toContain('resume it to send the rest');
    expect(world.server.counters.total).toBe(0);
  });
});
