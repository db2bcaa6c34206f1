// The emulator's faults for issue 12 (items 5, 6 and 10) over real HTTP: 2xx answers that confirm
// less than was sent, a 200 that is not JSON, redirects to another local server, a 500, and faults
// limited to one route. What each does to state is part of the contract the engine's tests rely on.
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

const emails = (count: number, prefix = 'p') =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}@example.com`);

/** One raw request, redirects not followed, so the test sees exactly what the emulator sent. */
async function call(emulator: RunningEmulator, method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    redirect: 'manual',
    headers: { 'content-type': 'application/json', autopilotapikey: emulatorTestKey },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    location: response.headers.get('location'),
    text: await response.text(),
  };
}

const bulk = (addresses: readonly string[]) => ({
  contacts: addresses.map((Email) => ({ Email })),
});

describe('emulator answer faults', () => {
  it('a short answer stores the first half of the contacts and names only their ids', async () => {
    const emulator = await setUp({ faultSchedule: { 1: 'short', 2: 'short' } });
    const answer = await call(emulator, 'POST', '/contacts', bulk(emails(5)));
    expect(answer.status).toBe(200);
    const ids = (JSON.parse(answer.text) as { contact_ids: string[] }).contact_ids;
    expect(ids).toHaveLength(2);
    expect([...emulator.state.contacts.keys()]).toEqual(['p0@example.com', 'p1@example.com']);
    // One contact: nothing stored, an empty id list (not the 400 an empty request would get).
    const single = await call(emulator, 'POST', '/contacts', bulk(['alone@example.com']));
    expect([single.status, JSON.parse(single.text)]).toEqual([200, { contact_ids: [] }]);
    expect(emulator.state.contacts.has('alone@example.com')).toBe(false);
    expect(emulator.counters.contactsAccepted).toBe(2);
    expect(emulator.requests.map((request) => request.contactsStored)).toEqual([2, 0]);
  });

  it('only upserts count as accepted contacts: reading a contact back stores nothing', async () => {
    const emulator = await setUp({});
    expect((await call(emulator, 'POST', '/contacts', bulk(emails(3)))).status).toBe(200);
    const read = await call(emulator, 'GET', '/contact/p0@example.com');
    expect(read.status).toBe(200);
    expect(JSON.parse(read.text)).toHaveProperty('contact_id');
    expect(emulator.counters.contactsAccepted).toBe(3);
  });

  it('an empty answer and a non-JSON page are 200s that store nothing', async () => {
    const emulator = await setUp({ faultSchedule: { 1: 'empty', 2: 'not-json' } });
    const empty = await call(emulator, 'POST', '/contacts', bulk(emails(3, 'e')));
    expect([empty.status, empty.text]).toEqual([200, '']);
    const page = await call(emulator, 'POST', '/contacts', bulk(emails(3, 'h')));
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(() => JSON.parse(page.text) as unknown).toThrow();
    expect(emulator.state.contacts.size).toBe(0);
    expect(emulator.counters.contactsAccepted).toBe(0);
    const healthy = await call(emulator, 'POST', '/contacts', bulk(['ok@example.com']));
    expect(healthy.status).toBe(200);
    expect(emulator.counters.contactsAccepted).toBe(1);
  });

  it.each(['301', '302', '307', '308'] as const)(
    'a %s redirect points at the same path on the other server and stores nothing',
    async (status) => {
      const emulator = await setUp({
        faultRate: 1,
        faultKinds: [status],
        redirectTo: 'http://127.0.0.1:4999/v1/',
      });
      const answer = await call(emulator, 'POST', '/contacts', bulk(['r@example.com']));
      expect(answer.status).toBe(Number(status));
      expect(answer.location).toBe('http://127.0.0.1:4999/v1/contacts');
      const lookup = await call(emulator, 'GET', '/contact/a%40b.example');
      expect(lookup.location).toBe('http://127.0.0.1:4999/v1/contact/a%40b.example');
      expect(emulator.state.contacts.size).toBe(0);
      expect(emulator.counters.byStatus).toEqual({ [status]: 2 });
    },
  );

  it('a 500 fault answers Autopilot-style JSON and changes nothing', async () => {
    const emulator = await setUp({ faultSchedule: { 1: '500' } });
    const answer = await call(emulator, 'POST', '/contacts', bulk(['x@example.com']));
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'Internal Server Error' });
    expect(emulator.state.contacts.size).toBe(0);
  });

  it('faults limited to POST /contacts leave every other request alone', async () => {
    const emulator = await setUp({
      faultRate: 1,
      faultKinds: ['500'],
      faultRoutes: ['POST /contacts'],
    });
    expect((await call(emulator, 'GET', '/lists')).status).toBe(200);
    expect((await call(emulator, 'POST', '/list', { name: 'VIP' })).status).toBe(200);
    expect((await call(emulator, 'POST', '/contacts', bulk(['x@example.com']))).status).toBe(500);
    expect(
      (await call(emulator, 'POST', '/contact', { contact: { Email: 'y@example.com' } })).status,
    ).toBe(200);
    expect(emulator.requests.map((request) => request.fault)).toEqual([
      undefined,
      undefined,
      '500',
      undefined,
    ]);
  });
});
