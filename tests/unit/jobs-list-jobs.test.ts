import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { jobFile, readJobManifest, writeJobManifest } from '../../core/jobs/job-store';
import { listJobs } from '../../core/jobs/list-jobs';
import { createFixtureJob } from '../../bench/upload/job-fixtures';
import {
  generatedColumns,
  generatedMapping,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';
import { useTempFolder } from '../support/temp-folder';

const dataFolder = useTempFolder('courier-jobs-');
beforeEach(async () => {
  await writeSnapshot(dataFolder(), {
    segmentId: 'seg',
    columns: generatedColumns,
    rows: generatedRows(10),
  });
});

async function newJob() {
  return createFixtureJob({
    dataFolder: dataFolder(),
    segments: [{ segmentId: 'seg', listName: 'Tens' }],
    mapping: generatedMapping,
  });
}

describe('listing jobs', () => {
  it('marks a job left "running" by a dead process as interrupted, and a live one as running', async () => {
    const crashed = await newJob();
    await writeJobManifest(dataFolder(), {
      ...(await readJobManifest(dataFolder(), crashed.id)),
      status: 'running',
    });
    await writeFile(jobFile(dataFolder(), crashed.id, 'lock'), '999999999');
    const live = await newJob();
    await writeJobManifest(dataFolder(), {
      ...(await readJobManifest(dataFolder(), live.id)),
      status: 'running',
    });
    await writeFile(jobFile(dataFolder(), live.id, 'lock'), String(process.pid));
    await writeFile(path.join(dataFolder(), 'jobs', 'zz-not-a-job'), 'x').catch(() => undefined);

    const jobs = await listJobs(dataFolder());
    const byId = new Map(jobs.map((job) => [job.summary.jobId, job]));
    expect(byId.get(crashed.id)).toMatchObject({
      interrupted: true,
      running: false,
      summary: { valid: 10, succeeded: 0 },
    });
    expect(byId.get(live.id)).toMatchObject({ interrupted: false, running: true });
    expect(jobs).toHaveLength(2);
  });
});
