// Every error class the client can raise, produced for real by the emulator over HTTP (or by a
// closed port for "offline"), with the plain-language message a marketer would see.
import { afterEach, describe, expect, it } from 'vitest';
import { AutopilotClient } from '../../core/autopilot/autopilot-client';
import { DestinationError } from '../../core/destination-port/destination';
import {
  emulatorTestKey,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../emulator/server';

const running: RunningEmulator[] = [];

async function setUp(options: Partial<EmulatorOptions> = {}, timeoutMs = 2000) {
  const clock = { now: Date.parse('2025-03-03T10:00:00Z') };
  const emulator = await startEmulator({ now: () => clock.now, ...options });
  running.push(emulator);
  const client = new AutopilotClient({
    baseUrl: emulator.url,
    apiKey: emulatorTestKey,
    timeoutMs,
    now: () => clock.now,
  });
  return { emulator, client, clock };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

async function failure(promise: Promise<unknown>): Promise<DestinationError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DestinationError);
  const destinationError = error as DestinationError;
  expect(destinationError.message).not.toContain(emulatorTestKey);
  return destinationError;
}

describe('Autopilot client errors from the emulator', () => {
  it.each([401, 403] as const)('a wrong key answered %i is "rejected-key"', async (status) => {
    const { emulator } = await setUp({ authFailureStatus: status });
    const wrongKey = 'ffffffffffffffffffffffffffffffff';
    const client = new AutopilotClient({ baseUrl: emulator.url, apiKey: wrongKey });
    const error = await failure(client.checkKey());
    expect(error).toMatchObject({ kind: 'rejected-key', status });
    expect(error.message).toBe('Autopilot rejected the API key. Check it in Destinations.');
    expect(error.message).not.toContain(wrongKey);
  });

  it('429 with Retry-After in seconds carries the wait', async () => {
    const { client } = await setUp({ rate: 1, burst: 1 });
    await client.listLists();
    const error = await failure(client.listLists());
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 1000 });
    expect(error.message).toMatch(/slow down/);
  });

  it('429 with Retry-After as an HTTP date carries the wait', async () => {
    const { client, clock } = await setUp({ rate: 0.4, burst: 1, retryAfter: 'date' });
    await client.listLists();
    clock.now += 500;
    const error = await failure(client.listLists());
    // A token every 2.5 s: 2 s left, ending at 10:00:02.5, which the date rounds up to 10:00:03.
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 2500 });
  });

  it('429 without Retry-After leaves the wait to the caller', async () => {
    const { client } = await setUp({ rate: 1, burst: 1, retryAfter: 'none' });
    await client.listLists();
    const error = await failure(client.listLists());
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('503 is "transient" and names the status', async () => {
    const { client } = await setUp({ faultSchedule: { 1: '503' } });
    const error = await failure(client.listLists());
    expect(error).toMatchObject({ kind: 'transient', status: 503 });
    expect(error.message).toBe(
      'Autopilot had a temporary problem (error 503). Trying again usually works.',
    );
  });

  it('a reset connection is "transient"', async () => {
    const { client } = await setUp({ faultSchedule: { 1: 'reset' } });
    const error = await failure(client.upsertContacts([{ Email: 'a@example.com' }]));
    expect(error.kind).toBe('transient');
    expect(error.message).toBe(
      'The connection to Autopilot was interrupted. Trying again usually works.',
    );
  });

  it('a request hanging past the client timeout is "transient", and was still applied', async () => {
    const { client, emulator } = await setUp({ faultSchedule: { 1: 'hang' } }, 300);
    const error = await failure(client.upsertContacts([{ Email: 'late@example.com' }]));
    expect(error.kind).toBe('transient');
    expect(error.message).toBe('Autopilot took too long to answer. Trying again usually works.');
    expect(emulator.state.contacts.has('late@example.com')).toBe(true);
  });

  it('a slow answer past the client timeout is "transient"', async () => {
    const { client } = await setUp({ faultSchedule: { 1: 'slow' }, slowMs: 1000 }, 200);
    expect((await failure(client.listLists())).kind).toBe('transient');
  });

  it('400 is "invalid-request" with the server message naming the bad row', async () => {
    const { client, emulator } = await setUp();
    const error = await failure(
      client.upsertContacts([{ Email: 'good@example.com' }, { Email: 'not-an-email' }]),
    );
    expect(error).toMatchObject({ kind: 'invalid-request', status: 400 });
    expect(error.serverMessage).toBe('Invalid Email "not-an-email" (contact 2).');
    expect(error.message).toBe(
      'Autopilot refused the data: Invalid Email "not-an-email" (contact 2).',
    );
    expect(emulator.state.contacts.size).toBe(0);
  });

  it('400 for a batch above the server limit', async () => {
    const { client } = await setUp({ maxBatch: 2 });
    const contacts = ['a', 'b', 'c'].map((name) => ({ Email: `${name}@example.com` }));
    const error = await failure(client.upsertContacts(contacts));
    expect(error.kind).toBe('invalid-request');
    expect(error.serverMessage).toMatch(/No more than 2 contacts/);
  });

  it('404 is "not-found" for an unknown contact and an unknown list', async () => {
    const { client } = await setUp();
    const contact = await failure(client.getContact('nobody@example.com'));
    expect(contact).toMatchObject({ kind: 'not-found', status: 404 });
    expect(contact.serverMessage).toBe('Contact could not be found.');
    await client.upsertContact({ Email: 'someone@example.com' });
    const list = await failure(
      client.addContactToList('contactlist_MISSING', 'someone@example.com'),
    );
    expect(list.kind).toBe('not-found');
  });

  it('a closed port is "offline"', async () => {
    const { emulator } = await setUp();
    const url = emulator.url;
    await emulator.close();
    const client = new AutopilotClient({ baseUrl: url, apiKey: emulatorTestKey, timeoutMs: 2000 });
    const error = await failure(client.checkKey());
    expect(error.kind).toBe('offline');
    expect(error.message).toBe("Autopilot can't be reached. Check your internet connection.");
  });
});
