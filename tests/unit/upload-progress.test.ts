import { describe, expect, it } from 'vitest';
import { createFixtureJob } from '../../bench/upload/job-fixtures';
import {
  generatedColumns,
  generatedMapping,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';
import { DestinationError } from '../../core/destination-port/destination';
import { readJobLedger } from '../../core/jobs/job-ledger';
import { jobFile } from '../../core/jobs/job-store';
import { estimateTimeLeft, overallOf, type JobProgress } from '../../core/upload/progress';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { startUploadRun } from '../../core/upload/upload-run';
import { FakeClock } from '../support/upload-fake-clock';
import { createFakeDestination, type Answer } from '../support/upload-fake-destination';
import { useTempFolder } from '../support/temp-folder';

// Issue 17, item 5: the numbers of an export agree at every moment. Overall counts are the sum of
// the segments' in the same event, "sent" leaves out what is still on the way, and time left
// holds the waits (a 429's hold, a retry's back-off).

const dataFolder = useTempFolder('courier-numbers-');

interface Event {
  readonly at: number;
  readonly progress: JobProgress;
}

/** Two segments (250 and 130 contacts) sent by a destination whose every answer takes 400 ms. */
async function runTwoSegments(answer: Answer) {
  await writeSnapshot(dataFolder(), {
    segmentId: 'seg-a',
    columns: generatedColumns,
    rows: generatedRows(250, 'a.example.com'),
  });
  await writeSnapshot(dataFolder(), {
    segmentId: 'seg-b',
    columns: generatedColumns,
    rows: generatedRows(130, 'b.example.com'),
  });
  const job = await createFixtureJob({
    dataFolder: dataFolder(),
    segments: [
      { segmentId: 'seg-a', listName: 'A' },
      { segmentId: 'seg-b', listName: 'B' },
    ],
    mapping: generatedMapping,
    rate: 4,
  });
  const clock = new FakeClock();
  const destination = createFakeDestination(clock, async (call, index) => {
    await clock.sleep(400);
    await answer(call, index);
  });
  const events: Event[] = [];
  const result = await clock.run(
    startUploadRun({
      dataFolder: dataFolder(),
      jobId: job.id,
      snapshots: fileSnapshotAccess(dataFolder()),
      destination,
      clock,
      random: () => 0.5,
      onProgress: (progress) => events.push({ at: clock.now(), progress }),
    }).done,
  );
  return { job, result, events };
}

describe('the numbers of a progress event', () => {
  it('overall is the sum of the segments at every event, and sent leaves out what is on the way', async () => {
    const { job, result, events } = await runTwoSegments((_, index) => {
      if (index === 1) throw new DestinationError('transient', 'Autopilot had a problem (503).');
    });
    expect(result.status).toBe('completed');
    expect(events.length).toBeGreaterThan(5);
    for (const { progress } of events) {
      expect(progress.segments).toHaveLength(2);
      expect(progress).toMatchObject(overallOf(progress.segments));
      expect(progress.sent).toBe(progress.succeeded + progress.failed);
      expect(progress.sent + progress.inFlight).toBeLessThanOrEqual(progress.total);
    }
    // Requests were on the way while the screen said how many were sent: apart, never in "sent".
    const busy = events.filter(({ progress }) => progress.inFlight > 0);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy.some(({ progress }) => progress.sent < progress.total)).toBe(true);
    const last = events.at(-1)?.progress;
    expect(last).toMatchObject({ total: 380, sent: 380, succeeded: 380, inFlight: 0 });
    expect(last?.segments.map((segment) => segment.succeeded)).toEqual([250, 130]);
    // The journal's ledger (what History reads when no run is live) gives the same numbers.
    const ledger = await readJobLedger(jobFile(dataFolder(), job.id, 'journal'), job);
    expect(ledger.segments.map((segment) => segment.succeeded)).toEqual([250, 130]);
    expect(ledger.totals.succeeded).toBe(result.summary.succeeded);
  });

  it('time left holds the wait a 429 asked for', async () => {
    const { events } = await runTwoSegments((_, index) => {
      if (index === 2) {
        throw new DestinationError('rate-limited', 'slow down', { retryAfterMs: 30_000 });
      }
    });
    const slowed = events.filter(({ progress }) => progress.state === 'slowed-down');
    expect(slowed.length).toBeGreaterThan(3);
    for (const { at, progress } of slowed) {
      const waitLeft = (progress.resumesAt ?? 0) - at;
      // The rest cannot be sent before the wait is over: the estimate says at least that.
      expect(progress.etaMs).not.toBeNull();
      expect(progress.etaMs ?? 0).toBeGreaterThanOrEqual(waitLeft);
    }
    // Before any pace is measured, the estimate comes from the pace allowed, not "unknown".
    const first = events.find(({ progress }) => progress.state === 'sending');
    expect(first?.progress.etaMs).not.toBeNull();
    expect(first?.progress.allowedContactsPerSecond).toBe(400);
  });
});

describe('time left during a retry', () => {
  it('holds the back-off before a failed request goes again', async () => {
    // The last requests fail again and again: little is left, the back-off is most of the time.
    const { events } = await runTwoSegments((_, index) => {
      if (index >= 4 && index <= 6) {
        throw new DestinationError('transient', 'Autopilot had a temporary problem (error 503).');
      }
    });
    const retrying = events.filter(({ progress }) => progress.state === 'retrying');
    expect(retrying.length).toBeGreaterThan(0);
    for (const { at, progress } of retrying) {
      expect(progress.etaMs ?? 0).toBeGreaterThanOrEqual((progress.resumesAt ?? 0) - at);
    }
  });
});

describe('estimateTimeLeft', () => {
  it('adds the wait under way to the rest at the measured pace', () => {
    expect(
      estimateTimeLeft({ left: 500, perSecond: 100, allowedPerSecond: 400, waitingMs: 20_000 }),
    ).toBe(25_000);
  });

  it('uses the pace allowed until one is measured, and says nothing when neither is known', () => {
    expect(estimateTimeLeft({ left: 800, perSecond: 0, allowedPerSecond: 400, waitingMs: 0 })).toBe(
      2_000,
    );
    expect(estimateTimeLeft({ left: 800, perSecond: 0, allowedPerSecond: 0, waitingMs: 0 })).toBe(
      null,
    );
  });

  it('is zero once nothing is left, whatever the wait', () => {
    expect(estimateTimeLeft({ left: 0, perSecond: 0, allowedPerSecond: 0, waitingMs: 5_000 })).toBe(
      0,
    );
  });
});

describe('overallOf', () => {
  it('sums the segments and keeps those on the way out of sent', () => {
    expect(
      overallOf([
        { total: 100, succeeded: 40, failed: 2, inFlight: 20 },
        { total: 50, succeeded: 10, failed: 0, inFlight: 10 },
      ]),
    ).toEqual({ total: 150, sent: 52, succeeded: 50, failed: 2, inFlight: 30 });
  });
});
