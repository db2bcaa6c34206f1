// The emulator's throttles over HTTP, with a fake clock moved by the test instead of sleeps.
import { afterEach, describe, expect, it } from 'vitest';
import {
  emulatorTestKey,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../emulator/server';

let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function setUp(options: Partial<EmulatorOptions>) {
  const clock = { now: Date.parse('2025-03-03T23:59:58Z') };
  emulator = await startEmulator({ now: () => clock.now, ...options });
  const running = emulator;
  const get = async () => {
    const response = await fetch(`${running.url}/lists`, {
      headers: { autopilotapikey: emulatorTestKey },
    });
    const body = (await response.json()) as Record<string, unknown>;
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  };
  const statuses = async (count: number) => {
    const result: number[] = [];
    for (let index = 0; index < count; index += 1) result.push((await get()).status);
    return result;
  };
  return { clock, get, statuses };
}

describe('emulator token bucket', () => {
  it('allows a burst, then 429 until tokens refill at the rate', async () => {
    const { clock, get, statuses } = await setUp({ rate: 5, burst: 3 });
    expect(await statuses(4)).toEqual([200, 200, 200, 429]);
    clock.now += 199;
    expect((await get()).status).toBe(429);
    clock.now += 1;
    expect(await statuses(2)).toEqual([200, 429]);
    clock.now += 10_000; // refill is capped at the burst
    expect(await statuses(4)).toEqual([200, 200, 200, 429]);
  });

  it('defaults the burst to the rate and says when to come back', async () => {
    const { get, statuses } = await setUp({ rate: 2 });
    expect(await statuses(2)).toEqual([200, 200]);
    expect(await get()).toEqual({
      status: 429,
      retryAfter: '1',
      body: {
        error: 'Too Many Requests',
        message: 'Rate limit exceeded: too many requests per second.',
      },
    });
  });

  it('sends Retry-After as seconds, as an HTTP date, or not at all', async () => {
    const { clock, get } = await setUp({ rate: 0.25, burst: 1 });
    await get();
    expect((await get()).retryAfter).toBe('4');
    emulator?.configure({ retryAfter: 'date' });
    expect((await get()).retryAfter).toBe(new Date(clock.now + 4000).toUTCString());
    emulator?.configure({ retryAfter: 'none' });
    const silent = await get();
    expect(silent.status).toBe(429);
    expect(silent.retryAfter).toBeNull();
  });

  it('is unlimited by default and can be changed while running', async () => {
    const { statuses } = await setUp({});
    expect(await statuses(20)).toEqual(Array(20).fill(200));
    emulator?.configure({ rate: 1, burst: 1 });
    expect(await statuses(2)).toEqual([200, 429]);
    emulator?.configure({ rate: undefined });
    expect(await statuses(3)).toEqual([200, 200, 200]);
  });
});

describe('emulator daily quota', () => {
  it('refuses past the quota until the next UTC day, and throttled requests do not count', async () => {
    const { clock, get, statuses } = await setUp({ dailyQuota: 3, rate: 100, burst: 2 });
    expect(await statuses(3)).toEqual([200, 200, 429]); // the third is the bucket, not the quota
    clock.now += 1000;
    expect((await get()).status).toBe(200);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(refused.body.message).toBe('The daily request quota is used up.');
    expect(refused.retryAfter).toBe('1'); // 23:59:59 → midnight
    clock.now += 1000; // 2025-03-04T00:00:00Z, a new day
    expect(await statuses(2)).toEqual([200, 200]);
  });
});
