// The Ortto destination driving the real upload engine against the emulator's Ortto mode (real
// HTTP to 127.0.0.1): tags, permissions, size split, per-person refusals, 429s, a wrong key, and
// the mirror's removal.
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrttoDestination } from '../../core/ortto/ortto-destination';
import { contactEmail } from '../../bench/upload/snapshot-fixtures';
import {
  startOrttoEmulator,
  type OrttoEmulatorOptions,
  type RunningOrttoEmulator,
} from '../../emulator/ortto/server';
import { createOrttoEngineJob, type OrttoJobOptions } from '../support/ortto-engine-job';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emulator(
  options: Partial<OrttoEmulatorOptions> = {},
): Promise<RunningOrttoEmulator> {
  const running = await startOrttoEmulator(options);
  cleanups.push(() => running.close());
  return running;
}

async function engineJob(options: OrttoJobOptions) {
  const job = await createOrttoEngineJob(options);
  cleanups.push(() => job.cleanup());
  return job;
}

/** Runs the job to its end against the emulator, with the declared email permission. */
function deliver(
  server: RunningOrttoEmulator,
  job: Awaited<ReturnType<typeof engineJob>>,
  emailPermission: 'yes' | 'no',
) {
  return job.run({ endpoint: server.url, apiKey: server.apiKey, emailPermission }).done;
}

const merges = (server: RunningOrttoEmulator) =>
  server.requests.filter((request) => request.path.endsWith('person/merge'));
const permissionOf = (server: RunningOrttoEmulator, email: string) =>
  server.person(email)?.fields['bol::p'];

describe('Ortto destination against the emulator', () => {
  it('delivers everyone with the tag; new people get the declared permission, existing keep theirs', async () => {
    const server = await emulator({
      people: [
        { fields: { 'str::email': contactEmail(1), 'bol::p': true } },
        { fields: { 'str::email': contactEmail(2), 'bol::p': false } },
      ],
    });
    const job = await engineJob({ contacts: 250, rate: 50 });
    const result = await deliver(server, job, 'no');
    expect(result.status).toBe('completed');
    expect(result.summary).toMatchObject({ succeeded: 250, failed: 0 });
    expect(server.peopleWithTag('Customers')).toHaveLength(250);
    expect(permissionOf(server, contactEmail(5))).toBe(false);
    expect(permissionOf(server, contactEmail(1))).toBe(true);
    expect(permissionOf(server, contactEmail(2))).toBe(false);
    expect(server.person(contactEmail(1))?.fields).toMatchObject({ 'str::first': 'First1' });
    // Three batches, one of them with existing people: one more request for it alone.
    expect(merges(server)).toHaveLength(4);
    // Every request but the tag lookup is a batch's: paced and counted.
    const tagReads = server.requests.filter((request) => request.path.endsWith('tags/get'));
    expect(result.summary.requests).toBe(server.requests.length - tagReads.length);
    expect(server.counters.bans).toBe(0);
  });

  it('never subscribes an existing unsubscribed person, even when new people are subscribed', async () => {
    const server = await emulator({
      people: [{ fields: { 'str::email': contactEmail(0), 'bol::p': false } }],
    });
    const job = await engineJob({ contacts: 20, rate: 50 });
    const result = await deliver(server, job, 'yes');
    expect(result.status).toBe('completed');
    expect(permissionOf(server, contactEmail(0))).toBe(false);
    expect(permissionOf(server, contactEmail(7))).toBe(true);
  });

  it('splits a batch whose body would pass 2 MB into requests the emulator accepts', async () => {
    const server = await emulator();
    // 45 text fields of 255 two-byte characters: about 23 KB a person, 2.3 MB for 100.
    const names = Array.from({ length: 45 }, (_, at) => `Note ${at}`);
    const value = 'é'.repeat(255);
    const rows = Array.from({ length: 100 }, (_, at) => [
      contactEmail(at),
      ...names.map(() => value),
    ]);
    const job = await engineJob({
      contacts: 100,
      rate: 100,
      table: {
        columns: ['Email', ...names],
        rows,
        mapping: {
          email: 'Email',
          standard: {},
          custom: names.map((name) => ({ name, type: 'string', column: name })),
        },
      },
    });
    const result = await deliver(server, job, 'no');
    expect(result.status).toBe('completed');
    expect(server.peopleWithTag('Customers')).toHaveLength(100);
    expect(merges(server).length).toBeGreaterThanOrEqual(2);
    expect(merges(server).every((request) => request.status === 200)).toBe(true);
  });

  it('reports the people Ortto refuses with its reason and delivers the rest', async () => {
    const server = await emulator({
      suppressedEmails: [contactEmail(3)],
      invalidEmails: [contactEmail(4)],
    });
    const job = await engineJob({ contacts: 50, rate: 50 });
    const result = await deliver(server, job, 'no');
    expect(result.status).toBe('completed_with_errors');
    expect(result.summary).toMatchObject({ succeeded: 48, refused: 2 });
    const report = await readFile(result.reportFile ?? '', 'utf8');
    expect(report).toContain(`${contactEmail(3)},refused,`);
    expect(report).toContain('Ortto refused this contact:');
    expect(report).not.toContain('Autopilot');
    expect(report).toContain('suppression list');
    expect(report).toContain(`${contactEmail(4)},refused,`);
    // Settled in the first request: no second one, no 400.
    expect(merges(server)).toHaveLength(1);
  });

  it("waits as long as Ortto's 429 body says and still delivers everyone", async () => {
    const server = await emulator({ rate: 4, burst: 2 });
    const job = await engineJob({ contacts: 600, rate: 20 });
    const result = await deliver(server, job, 'no');
    expect(result.status).toBe('completed');
    expect(result.summary.rateLimited).toBeGreaterThan(0);
    expect(server.peopleWithTag('Customers')).toHaveLength(600);
    // After each 429 (try in 1 s) nothing new starts within the second: at most the other
    // requests already on their way land there.
    for (const limited of server.requests.filter((request) => request.status === 429)) {
      const early = server.requests.filter(
        (request) =>
          request.receivedAt > limited.receivedAt && request.receivedAt < limited.receivedAt + 900,
      );
      expect(early.length).toBeLessThanOrEqual(3);
    }
    expect(server.counters.bans).toBe(0);
  });

  it('stops at once on a wrong key, with no ban and the key in no message', async () => {
    const server = await emulator();
    const job = await engineJob({ contacts: 300, rate: 50 });
    const wrongKey = 'pk-wrong-0000000000000000000000000000000000000000';
    const result = await job.run({ endpoint: server.url, apiKey: wrongKey, emailPermission: 'no' })
      .done;
    expect(result.status).toBe('paused');
    expect(result.stop?.reason).toBe('rejected-key');
    expect(JSON.stringify(result)).not.toContain(wrongKey);
    expect(server.requests.length).toBeLessThanOrEqual(4);
    expect(server.counters.bans).toBe(0);
  });

  it('takes the tag off leavers in one request per 100, and a repeat changes nothing', async () => {
    const leavers = Array.from({ length: 150 }, (_, at) => contactEmail(at));
    const server = await emulator({
      people: [
        ...leavers.map((email) => ({ fields: { 'str::email': email }, tags: ['Customers'] })),
        { fields: { 'str::email': 'stays@example.com' }, tags: ['Customers'] },
      ],
    });
    const destination = createOrttoDestination({ endpoint: server.url, apiKey: server.apiKey });
    const removal = destination.removal;
    if (!removal) throw new Error('Ortto takes people off a tag');
    const signal = AbortSignal.timeout(10_000);
    for (let start = 0; start < leavers.length; start += removal.groupSize) {
      await removal.remove('Customers', leavers.slice(start, start + removal.groupSize), signal);
    }
    await removal.remove('Customers', leavers.slice(0, 100), signal);
    expect(server.peopleWithTag('Customers')).toEqual(['stays@example.com']);
    expect(server.person(contactEmail(0))).toBeDefined();
    expect(merges(server)).toHaveLength(3);
  });
});
