import { describe, expect, it } from 'vitest';
import { DestinationError } from '../../core/destination-port/destination';
import {
  deliverBatch,
  type DeliveryContext,
  type PlannedBatch,
} from '../../core/upload/batch-delivery';
import { NetworkGate } from '../../core/upload/network-gate';
import { DeliveryStopped, Pacer } from '../../core/upload/pacer';
import { RateController } from '../../core/upload/rate-controller';
import { FakeClock } from '../support/upload-fake-clock';
import {
  createFakeDestination,
  type Answer,
  type FakeDestination,
} from '../support/upload-fake-destination';

function batchOf(count: number): PlannedBatch {
  return {
    segment: 0,
    seq: 0,
    rows: Array.from({ length: count }, (_, index) => ({
      line: index + 2,
      contact: { email: `p${index}@example.com`, standard: {}, custom: [] },
    })),
  };
}

function setup(answer: Answer, maxAttempts = 4) {
  const clock = new FakeClock();
  const destination = createFakeDestination(clock, answer);
  const stop = new AbortController();
  const retryWaits: number[] = [];
  const context: DeliveryContext = {
    destination,
    pacer: new Pacer({
      rate: new RateController({ maxRate: 10, clock, random: () => 0.5 }),
      gate: new NetworkGate({
        destination,
        clock,
        probeIntervalMs: 1_000,
        maxProbeIntervalMs: 4_000,
      }),
      clock,
      random: () => 0.5,
      maxAttempts,
      control: { waitSignal: stop.signal, requestSignal: stop.signal },
    }),
    listId: async () => 'contactlist_1',
    onRetryWait: (until) => retryWaits.push(until - clock.now()),
  };
  return { clock, destination, context, stop, retryWaits };
}

function gaps(destination: FakeDestination): number[] {
  return destination.calls
    .slice(1)
    .map((call, index) => call.at - (destination.calls[index]?.at ?? 0));
}

describe('delivering a batch', () => {
  it('waits for Retry-After on a 429, then delivers', async () => {
    const { clock, destination, context } = setup((_, index) => {
      if (index === 0)
        throw new DestinationError('rate-limited', 'slow down', { retryAfterMs: 20_000 });
    });
    const outcome = await clock.run(deliverBatch(context, batchOf(3)));
    expect(outcome).toMatchObject({
      delivered: 3,
      failed: [],
      requests: 2,
      rateLimited: 1,
      retries: 1,
    });
    expect(gaps(destination)).toEqual([20_000]);
  });

  it('backs off on a 429 without Retry-After', async () => {
    const { clock, destination, context } = setup((_, index) => {
      if (index < 2) throw new DestinationError('rate-limited', 'slow down');
    });
    const outcome = await clock.run(deliverBatch(context, batchOf(3)));
    expect(outcome).toMatchObject({ delivered: 3, rateLimited: 2 });
    // Jitter 0.5 of steps 1 s and 2 s: 750 ms and 1,500 ms.
    expect(gaps(destination)).toEqual([750, 1_500]);
  });

  it('retries server faults with growing waits', async () => {
    const { clock, destination, context, retryWaits } = setup((_, index) => {
      if (index < 2)
        throw new DestinationError('transient', 'Autopilot had a temporary problem (error 503).');
    });
    const outcome = await clock.run(deliverBatch(context, batchOf(5)));
    expect(outcome).toMatchObject({ delivered: 5, requests: 3, retries: 2, failed: [] });
    expect(retryWaits).toEqual([225, 450]);
    expect(gaps(destination)).toEqual([225, 450]);
  });

  it('gives rows up with the reason after the last try', async () => {
    const { clock, context } = setup(() => {
      throw new DestinationError('transient', 'Autopilot took too long to answer.');
    }, 3);
    const outcome = await clock.run(deliverBatch(context, batchOf(2)));
    expect(outcome.delivered).toBe(0);
    expect(outcome.requests).toBe(3);
    expect(outcome.failed).toEqual([
      {
        line: 2,
        email: 'p0@example.com',
        kind: 'given-up',
        reason: 'Not delivered after 3 tries. Autopilot took too long to answer.',
      },
      {
        line: 3,
        email: 'p1@example.com',
        kind: 'given-up',
        reason: 'Not delivered after 3 tries. Autopilot took too long to answer.',
      },
    ]);
  });

  it('splits a refused batch to isolate the bad rows and delivers the rest', async () => {
    const bad = new Set(['p13@example.com', 'p70@example.com']);
    const { clock, destination, context } = setup((call) => {
      const refused = call.emails.find((email) => bad.has(email));
      if (refused) {
        throw new DestinationError('invalid-request', 'refused', {
          serverMessage: `Invalid Email "${refused}"`,
        });
      }
    });
    const outcome = await clock.run(deliverBatch(context, batchOf(100)));
    expect(outcome.delivered).toBe(98);
    expect(outcome.failed).toEqual([
      {
        line: 15,
        email: 'p13@example.com',
        kind: 'refused',
        reason: 'Invalid Email "p13@example.com"',
      },
      {
        line: 72,
        email: 'p70@example.com',
        kind: 'refused',
        reason: 'Invalid Email "p70@example.com"',
      },
    ]);
    expect(destination.delivered.size).toBe(98);
    // A binary search: about 2 * log2(100) requests per bad row, not one per row.
    expect(outcome.requests).toBeLessThanOrEqual(28);
  });

  it('records the people the destination answered for but did not take as refused rows', async () => {
    const { clock, destination, context } = setup(() => undefined);
    destination.refuse = () => [
      { email: 'p3@example.com', reason: 'Ortto has this email address on its suppression list.' },
    ];
    const outcome = await clock.run(deliverBatch(context, batchOf(10)));
    expect(outcome.delivered).toBe(9);
    expect(outcome.requests).toBe(1);
    expect(outcome.failed).toEqual([
      {
        line: 5,
        email: 'p3@example.com',
        kind: 'refused',
        reason: 'Ortto has this email address on its suppression list.',
      },
    ]);
    expect(destination.delivered.has('p3@example.com')).toBe(false);
  });

  it('paces and counts every request a destination makes for one batch', async () => {
    const { clock, destination, context } = setup(() => undefined);
    const twoSteps = {
      ...destination,
      upsertBatch: async (...args: Parameters<FakeDestination['upsertBatch']>) => {
        await args[2].pace();
        return destination.upsertBatch(...args);
      },
    };
    const outcome = await clock.run(
      deliverBatch({ ...context, destination: twoSteps }, batchOf(3)),
    );
    expect(outcome).toMatchObject({ delivered: 3, requests: 2 });
  });

  it('waits for the network, probing, and goes on by itself when it is back', async () => {
    let online = false;
    const { clock, destination, context } = setup(() => {
      if (!online) throw new DestinationError('offline', 'no network');
    });
    destination.checkAnswer = () => {
      if (destination.checks === 3) online = true;
      if (!online) throw new DestinationError('offline', 'no network');
    };
    const outcome = await clock.run(deliverBatch(context, batchOf(4)));
    expect(outcome).toMatchObject({ delivered: 4, requests: 2, failed: [] });
    expect(destination.checks).toBe(3);
    expect(gaps(destination)).toEqual([1_000 + 2_000 + 4_000]);
  });

  it('lets a rejected key through to the caller (the job pauses)', async () => {
    const { clock, context } = setup(() => {
      throw new DestinationError('rejected-key', 'Autopilot rejected the API key.');
    });
    await expect(clock.run(deliverBatch(context, batchOf(1)))).rejects.toMatchObject({
      kind: 'rejected-key',
    });
  });

  it('stops waiting at once when the job stops', async () => {
    const { clock, context, stop } = setup(() => {
      throw new DestinationError('rate-limited', 'slow down', { retryAfterMs: 60_000 });
    });
    const delivery = deliverBatch(context, batchOf(1));
    await clock.advance(10);
    stop.abort(new DeliveryStopped('paused'));
    await expect(clock.run(delivery)).rejects.toBeInstanceOf(DeliveryStopped);
  });
});
