// The emulator's injected faults over HTTP: on a schedule, at a seeded probability, and what each
// kind does to state; plus the request log the upload engine's tests and benchmarks rely on.
import { afterEach, describe, expect, it } from 'vitest';
import {
  emulatorTestKey,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../emulator/server';

const running: RunningEmulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

async function setUp(options: Partial<EmulatorOptions>) {
  const emulator = await startEmulator(options);
  running.push(emulator);
  return emulator;
}

/** One upsert; resolves with the status, or the kind of network failure. */
async function upsert(
  emulator: RunningEmulator,
  email: string,
  timeoutMs = 2000,
): Promise<number | 'failed'> {
  try {
    const response = await fetch(`${emulator.url}/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', autopilotapikey: emulatorTestKey },
      body: JSON.stringify({ contacts: [{ Email: email }] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.text();
    return response.status;
  } catch {
    return 'failed';
  }
}

async function run(emulator: RunningEmulator, count: number, timeoutMs = 2000) {
  const results: (number | 'failed')[] = [];
  for (let index = 1; index <= count; index += 1) {
    results.push(await upsert(emulator, `n${index}@example.com`, timeoutMs));
  }
  return results;
}

describe('emulator faults', () => {
  it('fails exactly the scheduled requests, each in its own way', async () => {
    const emulator = await setUp({
      faultSchedule: { 2: '503', 3: 'reset', 5: 'slow' },
      slowMs: 20,
    });
    expect(await run(emulator, 5)).toEqual([200, 503, 'failed', 200, 200]);
    expect(
      emulator.requests.map((request) => [request.status, request.outcome, request.fault]),
    ).toEqual([
      [200, 'answered', undefined],
      [503, 'answered', '503'],
      [undefined, 'reset', 'reset'],
      [200, 'answered', undefined],
      [200, 'answered', 'slow'],
    ]);
    // 503 and reset change nothing; a slow answer is still applied.
    expect([...emulator.state.contacts.keys()]).toEqual([
      'n1@example.com',
      'n4@example.com',
      'n5@example.com',
    ]);
    expect(emulator.counters).toEqual({
      total: 5,
      byStatus: { '200': 3, '503': 1, reset: 1 },
      contactsAccepted: 3,
    });
  });

  it('applies a hanging request without answering it, and close() frees the connection', async () => {
    const emulator = await setUp({ faultSchedule: { 1: 'hang' } });
    const pending = upsert(emulator, 'hung@example.com', 20_000);
    await emulator.waitForRequests(1);
    expect(emulator.requests[0]).toMatchObject({
      outcome: 'hang',
      status: undefined,
      contactCount: 1,
    });
    expect(emulator.state.contacts.has('hung@example.com')).toBe(true);
    await emulator.close();
    expect(await pending).toBe('failed');
  });

  it('a slow or late answer is past a short client timeout', async () => {
    const emulator = await setUp({ faultSchedule: { 1: 'slow' }, slowMs: 1000 });
    expect(await upsert(emulator, 'slow@example.com', 100)).toBe('failed');
    emulator.configure({ latencyMs: 1000 });
    expect(await upsert(emulator, 'late@example.com', 100)).toBe('failed');
    emulator.configure({ latencyMs: 0 });
    expect(await upsert(emulator, 'quick@example.com', 2000)).toBe(200);
  });

  it('draws faults at the configured rate from a seeded generator, replayable by seed', async () => {
    const options = { faultRate: 0.3, faultKinds: ['503'] as const, seed: 7 };
    const first = await setUp(options);
    const second = await setUp(options);
    const other = await setUp({ ...options, seed: 8 });
    const pattern = await run(first, 60);
    expect(await run(second, 60)).toEqual(pattern);
    expect(await run(other, 60)).not.toEqual(pattern);
    const failures = pattern.filter((status) => status === 503).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(30);
    expect(pattern.filter((status) => status !== 200 && status !== 503)).toEqual([]);
  });

  it('mixes the configured kinds', async () => {
    const emulator = await setUp({ faultRate: 1, faultKinds: ['503', 'reset'], seed: 3 });
    const results = await run(emulator, 30);
    expect(results).toContain(503);
    expect(results).toContain('failed');
    expect(results).not.toContain(200);
  });

  it('lets a test wait for traffic instead of sleeping', async () => {
    const emulator = await setUp({});
    const seen: string[] = [];
    const stop = emulator.onRequest((request) =>
      seen.push(`${request.method} ${request.path} ${request.status}`),
    );
    const waiting = emulator.waitForRequests(2);
    void run(emulator, 2);
    await waiting;
    stop();
    expect(seen).toEqual(['POST /contacts 200', 'POST /contacts 200']);
    emulator.clearRecords();
    expect(emulator.requests).toEqual([]);
    expect(emulator.counters.total).toBe(2);
  });
});
