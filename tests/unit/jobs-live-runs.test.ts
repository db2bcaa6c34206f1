import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFixtureJob } from '../../bench/upload/job-fixtures';
import {
  generatedColumns,
  generatedMapping,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';
import type { Destination } from '../../core/destination-port/destination';
import { JobInterruptedError, JobRunner } from '../../core/jobs/job-runner';
import { readJobManifest } from '../../core/jobs/job-store';
import { JobsService } from '../../core/jobs/jobs-service';
import { JobAlreadyRunningError, LiveRuns } from '../../core/jobs/live-runs';
import type { JobProgress } from '../../core/upload/progress';
import type { RunResult, UploadRun } from '../../core/upload/upload-run';
import { FakeClock } from '../support/upload-fake-clock';
import { createFakeDestination } from '../support/upload-fake-destination';

/** An engine run that records what it was told and ends when the test says. */
function recordingUpload(jobId: string) {
  const told: string[] = [];
  let end!: (result: RunResult) => void;
  const done = new Promise<RunResult>((resolve) => {
    end = resolve;
  });
  const upload: UploadRun = {
    jobId,
    done,
    pause: () => told.push('pause'),
    cancel: () => told.push('cancel'),
    interrupt: () => told.push('interrupt'),
  };
  return { upload, told, end: () => end({ status: 'paused' } as RunResult) };
}

/** A promise and the function that settles it. */
function gate<T>() {
  let open!: (value: T) => void;
  const opened = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('the registry of live runs', () => {
  it('holds one run of a job at a time, live from the moment it is asked for', async () => {
    const live = new LiveRuns();
    const opening = gate<null>();
    const { run, result } = live.begin('job-1', () => opening.opened);
    expect(live.has('job-1')).toBe(true);
    expect(run.sending).toBe(false);
    expect(() => live.begin('job-1', () => Promise.resolve(null))).toThrow(JobAlreadyRunningError);
    opening.open(null);
    await result;
    expect(live.has('job-1')).toBe(false);
    expect(live.size).toBe(0);
  });

  it('keeps a pause asked for while opening and tells the engine as soon as it begins', async () => {
    const live = new LiveRuns();
    const engine = recordingUpload('job-1');
    const opening = gate<null>();
    const { run, result } = live.begin('job-1', async (begun) => {
      await opening.opened;
      return begun.send(engine.upload);
    });
    run.pause();
    expect(engine.told).toEqual([]);
    opening.open(null);
    await Promise.resolve();
    await Promise.resolve();
    expect(engine.told).toEqual(['pause']);
    expect(run.sending).toBe(true);
    engine.end();
    await result;
    expect(run.sending).toBe(false);
  });

  it('keeps the last progress of a job once its run is over, and tells its end after', async () => {
    const live = new LiveRuns();
    const order: string[] = [];
    const progress = { jobId: 'job-1', state: 'sending' } as JobProgress;
    const { run } = live.begin(
      'job-1',
      async (begun) => {
        begun.progressed(progress);
        order.push('ran');
      },
      async () => {
        order.push(live.has('job-1') ? 'told while live' : 'told once over');
      },
    );
    await run.started;
    await run.finished;
    expect(order).toEqual(['ran', 'told once over']);
    expect(live.lastProgress('job-1')).toBe(progress);
  });
});

describe('stopping every run before quitting', () => {
  let dataFolder: string | null = null;
  afterEach(async () => {
    if (dataFolder) await rm(dataFolder, { recursive: true, force: true });
    dataFolder = null;
  });

  async function readyJob() {
    dataFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-live-runs-'));
    await writeSnapshot(dataFolder, {
      segmentId: 'seg',
      name: 'Clients',
      columns: generatedColumns,
      rows: generatedRows(20),
    });
    const job = await createFixtureJob({
      dataFolder,
      segments: [{ segmentId: 'seg', listName: 'Clients' }],
      mapping: generatedMapping,
      rate: 5,
    });
    return { folder: dataFolder, jobId: job.id };
  }

  it('stops a run still opening its destination: the engine never begins, nothing is sent', async () => {
    const { folder, jobId } = await readyJob();
    const clock = new FakeClock();
    const destination = createFakeDestination(clock);
    const opening = gate<Destination>();
    let asked = 0;
    const runner = new JobRunner({
      dataFolder: folder,
      clock,
      openDestination: () => {
        asked += 1;
        return opening.opened;
      },
    });
    const run = runner.start(jobId);
    await expect.poll(() => asked).toBe(1);
    const stopped = runner.stopAll();
    opening.open(destination);
    await stopped;
    await expect(run).rejects.toBeInstanceOf(JobInterruptedError);
    expect(destination.calls).toEqual([]);
    expect(runner.runningJobs()).toEqual([]);
    expect((await readJobManifest(folder, jobId)).status).toBe('ready');
  });

  it('lets the app quit while an export is opening its destination, and resume it later', async () => {
    const { folder, jobId } = await readyJob();
    const clock = new FakeClock();
    const destination = createFakeDestination(clock);
    const opening = gate<Destination>();
    const finished: string[] = [];
    const jobs = new JobsService({
      dataFolder: folder,
      clock,
      events: { progressed: () => undefined, finished: (event) => finished.push(event.status) },
      openDestination: () => opening.opened,
    });
    void jobs.start(jobId);
    expect(jobs.runningCount()).toBe(1);
    const disposed = jobs.dispose();
    opening.open(destination);
    await disposed;
    expect(jobs.runningCount()).toBe(0);
    expect(destination.calls).toEqual([]);
    expect(finished).toEqual(['ready']);
    expect((await jobs.resumable()).map((item) => item.id)).toEqual([jobId]);
  });
});
