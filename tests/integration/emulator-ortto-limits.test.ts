// The emulator's Ortto limits over HTTP: 100 people and 2 MB per request, the 429 body without
// headers, the ban after 15 bad requests in 15 s (on the emulator's clock), and the faults it
// shares with the Autopilot mode.
import { describe, expect, it } from 'vitest';
import type { OrttoEmulatorOptions, RunningOrttoEmulator } from '../../emulator/ortto/server';
import { emailOnly, orttoEmulatorPerTest, postToOrtto } from '../support/ortto-emulator-calls';

const startEmulator = orttoEmulatorPerTest();

async function start(options: Partial<OrttoEmulatorOptions> = {}) {
  const clock = { now: Date.parse('2026-03-03T12:00:00Z') };
  return { ortto: await startEmulator({ now: () => clock.now, ...options }), clock };
}

const people = (count: number) =>
  Array.from({ length: count }, (_, index) => emailOnly(`p${index}@example.com`));

/** A merge body of exactly `bytes` bytes: JSON allows trailing spaces. */
function mergeBodyOfSize(bytes: number): string {
  const json = JSON.stringify({ people: people(1) });
  return json + ' '.repeat(bytes - Buffer.byteLength(json));
}

describe('Ortto request limits', () => {
  it('takes 100 people in one merge and refuses 101', async () => {
    const { ortto } = await start();
    expect((await postToOrtto(ortto, 'person/merge', { people: people(100) })).status).toBe(200);
    const over = await postToOrtto(ortto, 'person/merge', { people: people(101) });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ error: 'people takes 1 to 100 people per request.' });
    expect(ortto.state.people.size).toBe(100);
  });

  it('takes a body of 2,000,000 bytes and refuses one byte more with a 400', async () => {
    const { ortto } = await start();
    const atLimit = await postToOrtto(ortto, 'person/merge', mergeBodyOfSize(2_000_000));
    expect(atLimit.status).toBe(200);
    const over = await postToOrtto(ortto, 'person/merge', mergeBodyOfSize(2_000_001));
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ code: 'request-too-large' });
  });

  it('answers a missing or wrong key 401 and an unknown route 404', async () => {
    const { ortto } = await start();
    const missing = await postToOrtto(ortto, 'tags/get', {}, null);
    expect(missing).toMatchObject({
      status: 401,
      body: { error: expect.any(String), code: 'invalid-api-key' },
    });
    expect((await postToOrtto(ortto, 'tags/get', {}, 'wrong')).status).toBe(401);
    expect((await postToOrtto(ortto, 'person/nothing', {})).status).toBe(404);
  });
});

describe('Ortto rate limit', () => {
  it('answers 429 with the try-in-seconds body and no rate-limit headers', async () => {
    const { ortto, clock } = await start({ rate: 1, burst: 2 });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await postToOrtto(ortto, 'tags/get', {})).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await postToOrtto(ortto, 'tags/get', {});
    expect(limited.body).toEqual({
      error: { code: 'rate-limit', message: 'rate limit', 'try-in-seconds': 1 },
    });
    const headerNames = [...limited.headers.keys()];
    expect(headerNames.filter((name) => /retry|rate/i.test(name))).toEqual([]);
    clock.now += 1000;
    expect((await postToOrtto(ortto, 'tags/get', {})).status).toBe(200);
    expect(ortto.counters.bans).toBe(0);
  });
});

describe('Ortto ban', () => {
  async function badRequests(ortto: RunningOrttoEmulator, count: number) {
    for (let index = 0; index < count; index += 1) {
      await postToOrtto(ortto, 'tags/get', {}, 'wrong-key');
    }
  }

  it('bans the caller for 15 s after 15 bad requests within 15 s', async () => {
    const { ortto, clock } = await start();
    await badRequests(ortto, 14);
    expect((await postToOrtto(ortto, 'tags/get', {})).status).toBe(200);
    await badRequests(ortto, 1);
    expect(ortto.counters.bans).toBe(1);
    clock.now += 5000;
    const banned = await postToOrtto(ortto, 'tags/get', {});
    expect(banned).toMatchObject({
      status: 429,
      body: {
        error: { code: 'banned', message: 'too many bad requests', 'try-in-seconds': 10 },
      },
    });
    expect(banned.headers.get('retry-after')).toBeNull();
    clock.now += 9999;
    expect((await postToOrtto(ortto, 'tags/get', {})).status).toBe(429);
    clock.now += 1;
    expect((await postToOrtto(ortto, 'tags/get', {})).status).toBe(200);
    expect(ortto.counters.bans).toBe(1);
  });

  it('forgets bad requests older than 15 s and never counts 429s', async () => {
    const { ortto, clock } = await start({ rate: 1, burst: 1 });
    await badRequests(ortto, 14);
    clock.now += 15_000;
    await badRequests(ortto, 14);
    for (let index = 0; index < 20; index += 1) await postToOrtto(ortto, 'tags/get', {});
    expect(ortto.counters.byStatus['429']).toBe(19);
    expect(ortto.counters.bans).toBe(0);
  });

  it('counts 400s and 404s as bad requests', async () => {
    const { ortto } = await start();
    for (let index = 0; index < 10; index += 1) {
      await postToOrtto(ortto, 'person/merge', { people: [] });
    }
    for (let index = 0; index < 5; index += 1) await postToOrtto(ortto, 'nowhere', {});
    expect(ortto.counters.bans).toBe(1);
    expect((await postToOrtto(ortto, 'tags/get', {})).status).toBe(429);
  });
});

describe('Ortto faults shared with the Autopilot mode', () => {
  it('fails exactly the scheduled requests, on the merge route only when told', async () => {
    const { ortto } = await start({
      faultSchedule: { 2: '503', 3: 'not-json', 4: 'reset', 5: '500' },
      faultRoutes: ['POST /person/merge'],
    });
    const merge = () => postToOrtto(ortto, 'person/merge', { people: people(1) });
    expect((await postToOrtto(ortto, 'tags/get', {})).status).toBe(200);
    expect((await merge()).status).toBe(503);
    await expect(merge()).rejects.toThrow(); // not JSON
    await expect(merge()).rejects.toThrow(); // reset
    expect((await merge()).status).toBe(500);
    expect((await merge()).status).toBe(200);
    expect(ortto.requests.map((request) => request.fault ?? null)).toEqual([
      null,
      '503',
      'not-json',
      'reset',
      '500',
      null,
    ]);
    expect(ortto.state.people.size).toBe(1);
  });

  it('a short merge stores and answers only the first half of the people', async () => {
    const { ortto } = await start({ faultSchedule: { 1: 'short' } });
    const answer = await postToOrtto(ortto, 'person/merge', { people: people(4) });
    expect((answer.body as { people: unknown[] }).people).toHaveLength(2);
    expect(ortto.state.people.size).toBe(2);
    expect(ortto.requests[0]).toMatchObject({ contactCount: 4, contactsStored: 2 });
  });

  it('a short merge of one person answers 200 with no entries, not a bad request', async () => {
    const { ortto } = await start({ faultSchedule: { 1: 'short' } });
    const answer = await postToOrtto(ortto, 'person/merge', { people: people(1) });
    expect(answer).toMatchObject({ status: 200, body: { people: [] } });
    expect(ortto.state.people.size).toBe(0);
  });
});
