import { describe, expect, it } from 'vitest';
import { DestinationError } from '../../core/destination-port/destination';
import { NetworkGate } from '../../core/upload/network-gate';
import {
  DeliveryStopped,
  OutOfTries,
  Pacer,
  type CallCounts,
  type CallHooks,
} from '../../core/upload/pacer';
import { callPatiently, GivenUp } from '../../core/upload/patient-call';
import { RateController } from '../../core/upload/rate-controller';
import { FakeClock } from '../support/upload-fake-clock';
import { createFakeDestination } from '../support/upload-fake-destination';

function setup(maxAttempts = 3) {
  const clock = new FakeClock();
  const stop = new AbortController();
  const pacer = new Pacer({
    rate: new RateController({ maxRate: 10, clock, random: () => 0.5 }),
    gate: new NetworkGate({ destination: createFakeDestination(clock), clock }),
    clock,
    random: () => 0.5,
    maxAttempts,
    control: { waitSignal: stop.signal, requestSignal: stop.signal },
  });
  const counts: CallCounts = { requests: 0, rateLimited: 0, retries: 0 };
  return { clock, stop, pacer, counts };
}

/** A request answering each try with the next of `answers` (an error to throw, or a value). */
function answering(answers: readonly unknown[]) {
  let tries = 0;
  const request = async (): Promise<string> => {
    const answer = answers[tries];
    tries += 1;
    if (answer instanceof Error) throw answer;
    return 'answered';
  };
  return { request, tries: () => tries };
}

const fault = new DestinationError('transient', 'Autopilot had a temporary problem (error 503).');

describe('the pacer: one pace-and-retry call for every request', () => {
  it('waits out a 429 and retries a fault, counting each request and retry', async () => {
    const { clock, pacer, counts } = setup();
    const slowDown = new DestinationError('rate-limited', 'slow down', { retryAfterMs: 5_000 });
    const { request, tries } = answering([slowDown, fault, 'ok']);
    const held: string[] = [];
    const hooks: CallHooks = {
      onHold: () => held.push('hold'),
      onRetryWait: (until, message) => held.push(`${until - clock.now()} ${message}`),
      onAnswered: () => held.push('answered'),
    };
    await expect(clock.run(pacer.request(counts, request, hooks))).resolves.toBe('answered');
    expect(tries()).toBe(3);
    expect(counts).toEqual({ requests: 3, rateLimited: 1, retries: 2 });
    expect(held).toEqual(['hold', `225 ${fault.message}`, 'answered']);
  });

  it('gives up after the last try with how many faults it met', async () => {
    const { clock, pacer, counts } = setup(3);
    const { request, tries } = answering([fault, fault, fault]);
    const failure = await clock.run(pacer.request(counts, request)).catch((error) => error);
    expect(failure).toBeInstanceOf(OutOfTries);
    expect(failure).toMatchObject({ faults: 3, message: fault.message, lastError: fault });
    expect(tries()).toBe(3);
    // Retries are the tries after the first: the last failed try is not one.
    expect(counts).toEqual({ requests: 3, rateLimited: 0, retries: 2 });
  });

  it("throws what it does not retry, unless the caller's recover says to try again", async () => {
    const { clock, pacer, counts } = setup();
    const missing = new DestinationError('not-found', 'no such list');
    const once = answering([missing, 'ok']);
    let recovered = 0;
    const recover = async () => (recovered += 1) === 1;
    await expect(clock.run(pacer.request(counts, once.request, { recover }))).resolves.toBe(
      'answered',
    );
    expect(counts).toEqual({ requests: 2, rateLimited: 0, retries: 1 });
    const twice = answering([missing, missing]);
    await expect(clock.run(pacer.request(counts, twice.request, { recover }))).rejects.toBe(
      missing,
    );
    const refused = new DestinationError('invalid-request', 'refused');
    await expect(clock.run(pacer.request(counts, answering([refused]).request))).rejects.toBe(
      refused,
    );
  });

  it('retries what is not an answer as a fault, unless told to throw it at once', async () => {
    const { clock, pacer, counts } = setup(2);
    const bug = new TypeError('not a function');
    const retried = answering([bug, 'ok']);
    await expect(clock.run(pacer.request(counts, retried.request))).resolves.toBe('answered');
    expect(retried.tries()).toBe(2);
    const thrown = answering([bug, 'ok']);
    await expect(
      clock.run(pacer.request(counts, thrown.request, { throwsUnexpected: true })),
    ).rejects.toBe(bug);
    expect(thrown.tries()).toBe(1);
  });

  it('stops waiting at once when the job stops', async () => {
    const { clock, pacer, counts, stop } = setup();
    const slowDown = new DestinationError('rate-limited', 'slow down', { retryAfterMs: 60_000 });
    const call = pacer.request(counts, answering([slowDown, 'ok']).request);
    await clock.advance(10);
    stop.abort(new DeliveryStopped('paused'));
    await expect(clock.run(call)).rejects.toBeInstanceOf(DeliveryStopped);
  });
});

describe('a list call through the pacer (callPatiently)', () => {
  it('turns a refusal and the last fault into GivenUp, counting the last try as a retry', async () => {
    const { clock, pacer, counts } = setup(2);
    const refused = new DestinationError('invalid-request', 'refused', {
      serverMessage: 'Invalid Email',
    });
    await expect(
      clock.run(callPatiently(pacer, counts, answering([refused]).request)),
    ).rejects.toEqual(new GivenUp('Invalid Email'));
    const failure = clock.run(callPatiently(pacer, counts, answering([fault, fault]).request));
    await expect(failure).rejects.toEqual(new GivenUp(`Not done after 2 tries. ${fault.message}`));
    expect(counts).toEqual({ requests: 3, rateLimited: 0, retries: 2 });
  });
});
