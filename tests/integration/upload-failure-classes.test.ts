import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import type { JobProgress } from '../../core/upload/progress';
import { createEngineJob, type EngineJob } from '../../bench/upload/engine-harness';
import { contactEmail } from '../../bench/upload/snapshot-fixtures';
import { startSwitchableProxy, type SwitchableProxy } from '../../bench/upload/switchable-proxy';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emulator(
  options: Parameters<typeof startEmulator>[0] = {},
): Promise<RunningEmulator> {
  const running = await startEmulator(options);
  cleanups.push(() => running.close());
  return running;
}

async function engineJob(options: Parameters<typeof createEngineJob>[0]): Promise<EngineJob> {
  const job = await createEngineJob(options);
  cleanups.push(() => job.cleanup());
  return job;
}

/** Every generated contact 0..count-1 is on the list, with its fields. */
function expectAllDelivered(server: RunningEmulator, count: number, listName = 'Customers'): void {
  const members = new Set(
    server.contactsInList(listName).map((contact) => String(contact.Email).toLowerCase()),
  );
  expect(members.size).toBe(count);
  for (let index = 0; index < count; index += 1)
    expect(members.has(contactEmail(index))).toBe(true);
  expect(server.contact(contactEmail(3))).toMatchObject({ FirstName: 'First3', LastName: 'Last3' });
}

function upserts(server: RunningEmulator) {
  return server.requests.filter(
    (request) => request.method === 'POST' && request.path === '/contacts',
  );
}

describe('upload engine against the emulator: failure classes', () => {
  it('waits for Retry-After on 429 and still delivers everything', async () => {
    const server = await emulator({ rate: 10, burst: 2, retryAfter: 'seconds' });
    const job = await engineJob({ contacts: 1_000, rate: 40 });
    const result = await job.run({ endpoint: server.url, apiKey: server.apiKey }).done;
    expect(result.status).toBe('completed');
    expect(result.summary.rateLimited).toBeGreaterThan(0);
    expect(result.summary.rateLimited).toBe(server.counters.byStatus['429'] ?? 0);
    expectAllDelivered(server, 1_000);
    // After each 429 (Retry-After: 1 s) nothing new starts until the second has passed: at most
    // the 3 other requests already on their way land in that second (at 40 requests per second,
    // not waiting would put ~30 there).
    for (const limited of server.requests.filter((request) => request.status === 429)) {
      const early = server.requests.filter(
        (request) =>
          request.receivedAt > limited.receivedAt && request.receivedAt < limited.receivedAt + 900,
      );
      expect(early.length).toBeLessThanOrEqual(3);
    }
  });

  it('backs off on 429 without Retry-After and still delivers everything', async () => {
    const server = await emulator({ rate: 10, burst: 2, retryAfter: 'none' });
    const job = await engineJob({ contacts: 800, rate: 40 });
    const result = await job.run({ endpoint: server.url, apiKey: server.apiKey }).done;
    expect(result.status).toBe('completed');
    expect(result.summary.rateLimited).toBeGreaterThan(0);
    expectAllDelivered(server, 800);
  });

  it('retries 503s, connection resets and requests that hang past the timeout', async () => {
    // Requests 1 and 2 are the list lookup and creation; then upserts meet each fault.
    const server = await emulator({
      faultSchedule: { 3: '503', 4: 'reset', 6: 'hang', 7: '503', 9: 'reset', 10: '503' },
    });
    const job = await engineJob({ contacts: 600, rate: 50 });
    const result = await job.run({ endpoint: server.url, apiKey: server.apiKey, timeoutMs: 700 })
      .done;
    expect(result.status).toBe('completed');
    expect(result.summary).toMatchObject({ succeeded: 600, failed: 0 });
    expect(result.summary.retries).toBeGreaterThanOrEqual(6);
    expect(server.counters.byStatus).toMatchObject({ '503': 3, reset: 2, hang: 1 });
    expectAllDelivered(server, 600);
  });

  it('gives up on a batch after repeated faults and reports its rows', async () => {
    const server = await emulator({});
    const job = await engineJob({ contacts: 250, rate: 50, settings: { maxAttempts: 2 } });
    // Every request from the 4th on fails until the third batch has been given up.
    server.configure({ faultSchedule: { 5: '503', 6: '503' } });
    const result = await job.run({ endpoint: server.url, apiKey: server.apiKey }).done;
    expect(result.status).toBe('completed_with_errors');
    expect(result.summary.givenUp).toBeGreaterThan(0);
    expect(result.summary.succeeded + result.summary.givenUp).toBe(250);
    const report = await readFile(result.reportFile ?? '', 'utf8');
    expect(report).toContain(
      'given up,Not delivered after 2 tries. Autopilot had a temporary problem (error 503).',
    );
  });

  it('isolates the rows a 400 refuses, delivers the rest and reports each with the server message', async () => {
    const refused = ['looks.fine@blocked.example', 'also.fine@blocked.example'];
    const server = await emulator({ invalidEmails: refused });
    const job = await engineJob({
      contacts: 300,
      rate: 100,
      extraRows: refused.map((email) => [email, 'R', 'R', '', '1']),
    });
    const result = await job.run({ endpoint: server.url, apiKey: server.apiKey }).done;
    expect(result.status).toBe('completed_with_errors');
    expect(result.summary).toMatchObject({ succeeded: 300, refused: 2, failed: 2 });
    expectAllDelivered(server, 300);
    const report = await readFile(result.reportFile ?? '', 'utf8');
    expect(report).toContain(
      'Customers,302,looks.fine@blocked.example,refused,"Autopilot refused this contact: Invalid Email ""looks.fine@blocked.example"" (contact 1)."',
    );
    expect(report).toContain('Customers,303,also.fine@blocked.example,refused,');
    // Binary search, not one request per row.
    expect(upserts(server).filter((request) => request.status === 400).length).toBeLessThanOrEqual(
      8,
    );
  });

  it('pauses when the key is rejected and resumes once it is fixed', async () => {
    const server = await emulator({ apiKeys: ['0123456789abcdef0123456789abcdef'] });
    const job = await engineJob({ contacts: 900, rate: 50 });
    const revoke = server.onRequest((request) => {
      if (request.number === 5) server.configure({ apiKeys: ['fedcba9876543210fedcba9876543210'] });
    });
    const events: JobProgress[] = [];
    const paused = await job.run({
      endpoint: server.url,
      apiKey: '0123456789abcdef0123456789abcdef',
      onProgress: (progress) => events.push(progress),
    }).done;
    revoke();
    expect(paused.status).toBe('paused');
    expect(paused.stop?.reason).toBe('rejected-key');
    expect(events.at(-1)).toMatchObject({
      state: 'paused',
      message: 'Paused: Autopilot rejected the API key. Fix the key, then resume.',
    });
    expect(paused.summary.succeeded).toBeLessThan(900);

    const resumed = await job.run({
      endpoint: server.url,
      apiKey: 'fedcba9876543210fedcba9876543210',
    }).done;
    expect(resumed.status).toBe('completed');
    expect(resumed.summary.succeeded).toBe(900);
    expectAllDelivered(server, 900);
  });

  it('waits for the network when it is lost and goes on by itself when it is back', async () => {
    const server = await emulator({ latencyMs: 5 });
    const proxy: SwitchableProxy = await startSwitchableProxy(server.port);
    cleanups.push(() => proxy.close());
    const job = await engineJob({ contacts: 1_500, rate: 40 });
    let sawWaiting!: () => void;
    const waiting = new Promise<void>((resolve) => (sawWaiting = resolve));
    const states: string[] = [];
    const run = job.run({
      endpoint: proxy.url,
      apiKey: server.apiKey,
      extra: { probeIntervalMs: 200, maxProbeIntervalMs: 400 },
      onProgress: (progress) => {
        states.push(progress.state);
        if (progress.state === 'waiting-network') sawWaiting();
      },
    });
    await server.waitForRequests(5);
    await proxy.goOffline();
    await waiting;
    const before = server.counters.total;
    await proxy.goOnline();
    const result = await run.done;
    expect(result.status).toBe('completed');
    expect(server.counters.total).toBeGreaterThan(before);
    expect(states).toContain('waiting-network');
    expect(states.at(-1)).toBe('completed');
    expectAllDelivered(server, 1_500);
  });
});
