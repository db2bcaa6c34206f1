import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DestinationError } from '../../core/destination-port/destination';
import { readJobManifest } from '../../core/jobs/job-store';
import type { JobProgress } from '../../core/upload/progress';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { JobNotRunnableError, startUploadRun } from '../../core/upload/upload-run';
import type { UploadRunOptions } from '../../core/upload/upload-run-options';
import { createFixtureJob } from '../../bench/upload/job-fixtures';
import {
  generatedColumns,
  generatedMapping,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';
import { FakeClock } from '../support/upload-fake-clock';
import { createFakeDestination, type FakeDestination } from '../support/upload-fake-destination';
import { useTempFolder } from '../support/temp-folder';

const dataFolder = useTempFolder('courier-run-');

/** 250 good rows, then a bad email, a blank email, a duplicate (different case) and a bad score (sent without it). */
function* segmentRows() {
  yield* generatedRows(250);
  yield ['not-an-email', 'Bad', 'Row', '', '1'];
  yield ['', 'No', 'Email', '', '1'];
  yield ['PERSON.7@example.com', 'Dup', 'Licate', '', '1'];
  yield ['late@example.com', 'Late', 'Comer', '', 'lots'];
}

async function prepare(rate = 5) {
  await writeSnapshot(dataFolder(), {
    segmentId: 'seg-a',
    name: 'Newsletter',
    columns: generatedColumns,
    rows: segmentRows(),
  });
  return createFixtureJob({
    dataFolder: dataFolder(),
    segments: [{ segmentId: 'seg-a', listName: 'Newsletter' }],
    mapping: generatedMapping,
    rate,
  });
}

function runOptions(
  jobId: string,
  clock: FakeClock,
  destination: FakeDestination,
  events: { at: number; progress: JobProgress }[] = [],
): UploadRunOptions {
  return {
    dataFolder: dataFolder(),
    jobId,
    snapshots: fileSnapshotAccess(dataFolder()),
    destination,
    clock,
    random: () => 0.5,
    onProgress: (progress) => events.push({ at: clock.now(), progress }),
  };
}

describe('an upload run', () => {
  it('delivers every valid contact once, paced, and reports the rows left out', async () => {
    const job = await prepare(5);
    const clock = new FakeClock();
    const destination = createFakeDestination(clock);
    const events: { at: number; progress: JobProgress }[] = [];
    const run = startUploadRun(runOptions(job.id, clock, destination, events));
    const result = await clock.run(run.done);

    expect(result.status).toBe('completed');
    expect(result.summary).toMatchObject({
      rows: 254,
      valid: 251,
      invalid: 2,
      duplicates: 1,
      sent: 251,
      succeeded: 251,
      failed: 0,
      requests: 3,
      rateLimited: 0,
      retries: 0,
    });
    expect(destination.delivered.size).toBe(251);
    expect(destination.calls.map((call) => call.emails.length)).toEqual([100, 100, 51]);
    expect(destination.calls.every((call) => call.listId === 'contactlist_1')).toBe(true);
    // Five requests per second: 200 ms apart at the least.
    const [firstCall, secondCall] = destination.calls;
    expect((secondCall?.at ?? 0) - (firstCall?.at ?? 0)).toBeGreaterThanOrEqual(200);
    // No empty cell is sent: odd rows have a Tier, even rows do not.
    expect(destination.delivered.get('person.2@example.com')?.custom).toEqual([
      { name: 'Score', type: 'integer', value: 2 },
    ]);

    const report = await readFile(result.reportFile ?? '', 'utf8');
    expect(report.split('\r\n').filter(Boolean)).toEqual([
      '\ufeffSegment,Line,Email,Problem,Reason',
      'Newsletter,252,not-an-email,invalid,The email address is not valid.',
      'Newsletter,253,,invalid,The email address is empty.',
      // Quoted for its semicolon, so a semicolon-separated spreadsheet keeps it one cell.
      'Newsletter,254,PERSON.7@example.com,duplicate,"The same email is on line 9; it is sent once."',
      'Newsletter,255,late@example.com,value left out,"Score: ""lots"" is not a whole number; the contact was sent without this value."',
    ]);
    expect((await readJobManifest(dataFolder(), job.id)).status).toBe('completed');

    // At most 10 progress events per second, and the last one says it is done.
    const times = events.map((event) => event.at);
    expect(times.slice(1).every((at, index) => at - (times[index] ?? 0) >= 100)).toBe(true);
    expect(events.at(-1)?.progress).toMatchObject({
      state: 'completed',
      total: 251,
      succeeded: 251,
      sent: 251,
      etaMs: 0,
    });
  });

  it('pauses, then a resume sends only what was not done', async () => {
    const job = await prepare(5);
    const clock = new FakeClock();
    const destination = createFakeDestination(clock);
    const first = startUploadRun(runOptions(job.id, clock, destination));
    await clock.run(
      new Promise<void>((resolve) => {
        destination.answer = () => {
          if (destination.calls.length === 1) resolve();
        };
      }),
    );
    first.pause();
    const paused = await clock.run(first.done);
    expect(paused.status).toBe('paused');
    expect(paused.stop?.reason).toBe('user');
    const sentBefore = destination.calls.length;
    expect(paused.summary.succeeded).toBe(sentBefore * 100);

    const second = startUploadRun(runOptions(job.id, clock, destination));
    const result = await clock.run(second.done);
    expect(result.status).toBe('completed');
    expect(result.summary.succeeded).toBe(251);
    expect(destination.calls).toHaveLength(3);
    await expect(
      clock.run(startUploadRun(runOptions(job.id, clock, destination)).done),
    ).rejects.toBeInstanceOf(JobNotRunnableError);
  });

  it('pauses on a rejected key and finishes once the key is fixed', async () => {
    const job = await prepare(5);
    const clock = new FakeClock();
    let keyOk = true;
    const destination = createFakeDestination(clock, () => {
      if (destination.calls.length === 2) keyOk = false;
      if (!keyOk) throw new DestinationError('rejected-key', 'Autopilot rejected the API key.');
    });
    const events: { at: number; progress: JobProgress }[] = [];
    const paused = await clock.run(
      startUploadRun(runOptions(job.id, clock, destination, events)).done,
    );
    expect(paused.status).toBe('paused');
    expect(paused.stop).toMatchObject({
      reason: 'rejected-key',
      message: 'Paused: Autopilot rejected the API key. Fix the key, then resume.',
    });
    expect(events.at(-1)?.progress.state).toBe('paused');
    expect(paused.summary.succeeded).toBe(100);

    keyOk = true;
    destination.answer = () => undefined;
    const result = await clock.run(startUploadRun(runOptions(job.id, clock, destination)).done);
    expect(result.status).toBe('completed');
    expect(destination.delivered.size).toBe(251);
  });

  it('finishes with errors, listing refused and given-up rows in the report', async () => {
    const job = await prepare(50);
    const clock = new FakeClock();
    const destination = createFakeDestination(clock, (call) => {
      if (call.emails.includes('person.120@example.com')) {
        throw new DestinationError('invalid-request', 'refused', {
          serverMessage: 'Invalid Email "person.120@example.com" (contact 21).',
        });
      }
      if (call.emails.includes('person.249@example.com'))
        throw new DestinationError('transient', 'Autopilot had a temporary problem (error 503).');
    });
    const result = await clock.run(startUploadRun(runOptions(job.id, clock, destination)).done);
    expect(result.status).toBe('completed_with_errors');
    expect(result.summary).toMatchObject({
      succeeded: 249 - 50 + 1 - 1,
      // The last batch also carries the contact sent without its misfitting score.
      failed: 52,
      refused: 1,
      givenUp: 51,
    });
    const lines = (await readFile(result.reportFile ?? '', 'utf8')).split('\r\n');
    expect(lines).toContain(
      'Newsletter,122,person.120@example.com,refused,"Autopilot refused this contact: Invalid Email ""person.120@example.com"" (contact 21)."',
    );
    expect(lines).toContain(
      'Newsletter,251,person.249@example.com,given up,Not delivered after 8 tries. Autopilot had a temporary problem (error 503).',
    );
  });
});

describe('a run that cannot go on', () => {
  it('fails with the reason when the list cannot be had, and can be resumed later', async () => {
    const job = await prepare(5);
    const clock = new FakeClock();
    const destination = createFakeDestination(clock);
    const ensureList = destination.ensureList;
    destination.ensureList = async () => {
      throw new DestinationError(
        'invalid-request',
        'Autopilot refused the data: list names are limited.',
      );
    };
    const failed = await clock.run(startUploadRun(runOptions(job.id, clock, destination)).done);
    expect(failed.status).toBe('failed');
    const cause =
      'The list "Newsletter" could not be found or created. Autopilot refused the data: list names are limited.';
    expect(failed.stop?.message).toBe(cause);
    // The cause's own words, kept apart for the screens to show beside their own sentence.
    expect(failed.stop?.detail).toBe(cause);
    expect(destination.calls).toEqual([]);

    destination.ensureList = ensureList;
    const result = await clock.run(startUploadRun(runOptions(job.id, clock, destination)).done);
    expect(result.status).toBe('completed');
  });
});

describe('progress states in plain words', () => {
  it('says when Autopilot asked us to slow down and when a fault is being retried', async () => {
    const job = await prepare(5);
    const clock = new FakeClock();
    const destination = createFakeDestination(clock, (_, index) => {
      if (index === 0) {
        throw new DestinationError('rate-limited', 'slow down', { retryAfterMs: 20_000 });
      }
      if (index === 2) {
        throw new DestinationError('transient', 'Autopilot had a temporary problem (error 503).');
      }
    });
    const events: { at: number; progress: JobProgress }[] = [];
    const result = await clock.run(
      startUploadRun(runOptions(job.id, clock, destination, events)).done,
    );
    expect(result.summary).toMatchObject({ succeeded: 251, rateLimited: 1, retries: 2 });
    const messages = events.map((event) => event.progress.message);
    expect(messages).toContain('Autopilot asked us to slow down; retrying in 20 s');
    expect(messages).toContain('Autopilot asked us to slow down; retrying in 19 s');
    expect(
      messages.some((message) =>
        /^Autopilot had a temporary problem \(error 503\)\. Retrying in 1 s$/.test(message),
      ),
    ).toBe(true);
    const slowed = events.find((event) => event.progress.state === 'slowed-down');
    // Progress is throttled to 10 events a second, so the first "slowed down" event may leave up to
    // 100 ms after the 429 that caused it; it still names the moment sending goes on.
    const waitLeft = (slowed?.progress.resumesAt ?? 0) - (slowed?.at ?? 0);
    expect(waitLeft).toBeGreaterThanOrEqual(19_900);
    expect(waitLeft).toBeLessThanOrEqual(20_000);
  });
});
