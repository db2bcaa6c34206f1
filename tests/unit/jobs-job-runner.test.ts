import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readJobManifest } from '../../core/jobs/job-store';
import { JobRunner } from '../../core/jobs/job-runner';
import { JobAlreadyRunningError } from '../../core/jobs/live-runs';
import { JobNotRunnableError } from '../../core/upload/upload-run';
import { createFixtureJob } from '../../bench/upload/job-fixtures';
import {
  generatedColumns,
  generatedMapping,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';
import { FakeClock } from '../support/upload-fake-clock';
import { createFakeDestination } from '../support/upload-fake-destination';
import { useTempFolder } from '../support/temp-folder';

const dataFolder = useTempFolder('courier-runner-');
beforeEach(async () => {
  await writeSnapshot(dataFolder(), {
    segmentId: 'seg',
    name: 'Clients',
    columns: generatedColumns,
    rows: [...generatedRows(450), ['oops', '', '', '', '']],
  });
});

function job() {
  return createFixtureJob({
    dataFolder: dataFolder(),
    segments: [{ segmentId: 'seg', listName: 'Clients' }],
    mapping: generatedMapping,
    rate: 5,
  });
}

describe('job runner (the app’s entry point to the engine)', () => {
  it('pauses a job, offers it for resuming, and finishes it on start', async () => {
    const clock = new FakeClock();
    const destination = createFakeDestination(clock);
    const opened: string[] = [];
    const runner = new JobRunner({
      dataFolder: dataFolder(),
      clock,
      random: () => 0.5,
      openDestination: async (target) => {
        opened.push(target.endpoint);
        return destination;
      },
    });
    const { id } = await job();
    const firstRun = runner.start(id);
    await clock.run(
      new Promise<void>((resolve) => {
        destination.answer = () => {
          if (destination.calls.length === 2) resolve();
        };
      }),
    );
    expect(runner.isRunning(id)).toBe(true);
    await expect(runner.start(id)).rejects.toBeInstanceOf(JobAlreadyRunningError);
    expect(runner.pause(id)).toBe(true);
    expect((await clock.run(firstRun)).status).toBe('paused');
    expect(runner.runningJobs()).toEqual([]);
    expect((await runner.resumableJobs()).map((listing) => listing.summary.jobId)).toEqual([id]);

    const result = await clock.run(runner.start(id));
    expect(result.status).toBe('completed');
    expect(result.summary).toMatchObject({ valid: 450, invalid: 1, succeeded: 450 });
    expect(destination.calls).toHaveLength(5);
    expect(opened).toHaveLength(2);
    expect(await runner.resumableJobs()).toEqual([]);
    await expect(runner.start(id)).rejects.toBeInstanceOf(JobNotRunnableError);
  });

  it('cancels a stopped job and writes its report', async () => {
    const clock = new FakeClock();
    const runner = new JobRunner({
      dataFolder: dataFolder(),
      clock,
      openDestination: async () => createFakeDestination(clock),
    });
    const { id } = await job();
    await runner.cancel(id);
    expect((await readJobManifest(dataFolder(), id)).status).toBe('cancelled');
    const report = await readFile(path.join(dataFolder(), 'jobs', id, 'report.csv'), 'utf8');
    expect(report).toContain('Clients,452,oops,invalid,The email address is not valid.');
    await expect(runner.start(id)).rejects.toBeInstanceOf(JobNotRunnableError);
  });
});
