import { describe, expect, it } from 'vitest';
import { RateController } from '../../core/upload/rate-controller';
import { FakeClock } from '../support/upload-fake-clock';

function controller(clock: FakeClock, maxRate = 5) {
  return new RateController({ maxRate, clock, random: () => 0.5 });
}

async function acquireTimes(
  clock: FakeClock,
  rate: RateController,
  count: number,
): Promise<number[]> {
  const start = clock.now();
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    await clock.run(rate.acquire());
    times.push(clock.now() - start);
  }
  return times;
}

describe('rate controller', () => {
  it('spaces requests evenly at the configured rate', async () => {
    const clock = new FakeClock();
    const times = await acquireTimes(clock, controller(clock, 5), 6);
    expect(times).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('holds every sender for the Retry-After the server gave, and lowers the rate', async () => {
    const clock = new FakeClock();
    const rate = controller(clock, 10);
    await clock.run(rate.acquire());
    expect(rate.onRateLimited(3_000)).toBe(3_000);
    expect(rate.rate).toBe(8);
    const waiting = [rate.acquire(), rate.acquire()];
    const start = clock.now();
    await clock.run(Promise.all(waiting));
    // First after the hold; the second one request-interval later at the lowered rate.
    expect(clock.now() - start).toBe(3_000 + 125);
  });

  it('backs off exponentially with jitter when no Retry-After is given', async () => {
    const clock = new FakeClock();
    const rate = new RateController({ maxRate: 10, clock, random: () => 1 });
    const holds = [];
    for (let index = 0; index < 4; index += 1) {
      holds.push(rate.onRateLimited(undefined));
      await clock.advance(holds[index] ?? 0);
    }
    expect(holds).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('lowers the rate once per burst of 429s, then probes back up slowly', async () => {
    const clock = new FakeClock();
    const rate = controller(clock, 20);
    rate.onRateLimited(0);
    rate.onRateLimited(0);
    rate.onRateLimited(0);
    expect(rate.rate).toBe(16);
    await clock.advance(1_000);
    rate.onSuccess();
    expect(rate.rate).toBe(16); // Quiet period: late 429s of requests in flight are still coming.
    await clock.advance(5_000);
    rate.onSuccess();
    expect(rate.rate).toBeCloseTo(16 + 0.25 * 4, 5);
    await clock.advance(60_000);
    rate.onSuccess();
    expect(rate.rate).toBe(20); // Never above what the person configured.
  });

  it('never drops below its floor', async () => {
    const clock = new FakeClock();
    const rate = controller(clock, 2);
    for (let index = 0; index < 30; index += 1) {
      rate.onRateLimited(0);
      await clock.advance(2_000);
    }
    expect(rate.rate).toBe(0.5);
  });
});
