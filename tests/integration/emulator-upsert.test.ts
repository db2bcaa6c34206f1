// The emulator's contact upserts, spoken to in raw HTTP so its wire shapes are checked on their own
// (not through the client that is tested against it).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';

let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startEmulator();
});

afterEach(async () => {
  await emulator.close();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
  key: string | null = emulatorTestKey,
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== null) headers.autopilotapikey = key;
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

const bulk = (contacts: unknown[]) => call('POST', '/contacts', { contacts });

describe('emulator upserts', () => {
  it('answers POST /contacts with {contact_ids} in input order', async () => {
    const result = await bulk([{ Email: 'a@example.com' }, { Email: 'b@example.com' }]);
    expect(result.status).toBe(200);
    const ids = result.body?.contact_ids as string[];
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(emulator.state.contacts.get('b@example.com')?.contact_id);
  });

  it('matches emails case-insensitively, overwrites the keys sent and keeps the rest', async () => {
    await bulk([
      {
        Email: 'Ana@Example.com',
        FirstName: 'Ana',
        Company: 'Acme',
        custom: { 'string--Tier': 'Gold', 'integer--Score': 5 },
      },
    ]);
    const first = emulator.contact('ana@example.com');
    const second = await call('POST', '/contact', {
      contact: { Email: 'ANA@example.COM', FirstName: 'Anna', custom: { 'integer--Score': 6 } },
    });
    expect(second.body).toEqual({ contact_id: first?.contact_id });
    expect(emulator.state.contacts.size).toBe(1);
    expect(emulator.contact('ana@example.com')).toMatchObject({
      Email: 'Ana@Example.com',
      FirstName: 'Anna',
      Company: 'Acme',
      custom: { 'string--Tier': 'Gold', 'integer--Score': 6 },
    });
  });

  it('adds the contact to `_autopilot_list`, new or existing', async () => {
    const { body } = await call('POST', '/list', { name: 'VIP' });
    const listId = body?.list_id as string;
    await bulk([{ Email: 'old@example.com' }]);
    await bulk([
      { Email: 'old@example.com', _autopilot_list: listId },
      { Email: 'new@example.com', _autopilot_list: listId },
    ]);
    expect(emulator.contactsInList('VIP').map((contact) => contact.Email)).toEqual([
      'old@example.com',
      'new@example.com',
    ]);
  });

  it('can take the strict reading where `_autopilot_list` only applies to new contacts', async () => {
    emulator.configure({ listOnCreateOnly: true });
    const listId = emulator.state.createList('Strict').list_id;
    await bulk([{ Email: 'old@example.com' }]);
    await bulk([
      { Email: 'old@example.com', _autopilot_list: listId },
      { Email: 'new@example.com', _autopilot_list: listId },
    ]);
    expect(emulator.contactsInList('Strict').map((contact) => contact.Email)).toEqual([
      'new@example.com',
    ]);
  });

  it('applies duplicates inside one batch in order, the later row winning', async () => {
    const { body } = await bulk([
      { Email: 'dup@example.com', FirstName: 'First', LastName: 'Kept' },
      { Email: 'DUP@example.com', FirstName: 'Second' },
    ]);
    const ids = body?.contact_ids as string[];
    expect(ids[0]).toBe(ids[1]);
    expect(emulator.contact('dup@example.com')).toMatchObject({
      FirstName: 'Second',
      LastName: 'Kept',
    });
  });

  it('changes an address with `_NewEmail`', async () => {
    await bulk([{ Email: 'before@example.com', FirstName: 'Pat' }]);
    await bulk([{ Email: 'before@example.com', _NewEmail: 'after@example.com' }]);
    expect(emulator.contact('before@example.com')).toBeUndefined();
    expect(emulator.contact('after@example.com')).toMatchObject({ FirstName: 'Pat' });
  });

  it('accepts 100 contacts and refuses 101 with a 400, storing nothing', async () => {
    const rows = (count: number) =>
      Array.from({ length: count }, (_, index) => ({ Email: `r${index}@example.com` }));
    expect((await bulk(rows(100))).status).toBe(200);
    emulator.state.contacts.clear();
    const refused = await bulk(rows(101));
    expect(refused).toEqual({
      status: 400,
      body: {
        error: 'Bad Request',
        message: 'No more than 100 contacts can be added in one request; got 101.',
      },
    });
    expect(emulator.state.contacts.size).toBe(0);
    expect(emulator.requests.at(-1)).toMatchObject({ status: 400, contactCount: 101 });
  });

  it('refuses a whole batch when one Email is invalid, naming it, and stores nothing', async () => {
    const result = await bulk([
      { Email: 'fine@example.com' },
      { Email: 'no-at-sign.example.com' },
      { Email: 'also bad@example' },
    ]);
    expect(result.status).toBe(400);
    expect(result.body?.message).toBe(
      'Invalid Email "no-at-sign.example.com" (contact 2). 1 more contact(s) also have problems.',
    );
    expect(emulator.state.contacts.size).toBe(0);
  });

  it('treats addresses in `invalidEmails` as invalid', async () => {
    emulator.configure({ invalidEmails: ['Bounce@Example.com'] });
    const result = await bulk([{ Email: 'bounce@example.com' }]);
    expect(result.body?.message).toBe('Invalid Email "bounce@example.com" (contact 1).');
  });

  it.each([
    [{ FirstName: 'No email' }, 'Invalid contact 1: Email is missing.'],
    [
      { Email: 'a@example.com', FirstName: { nested: true } },
      'Invalid contact 1: Field "FirstName" must hold a single value.',
    ],
    [
      { Email: 'a@example.com', custom: { Tier: 'x' } },
      'Invalid contact 1: Custom field key "Tier" must look like "string--Field--Name".',
    ],
    [
      { Email: 'a@example.com', custom: { 'string--Tags': ['a'] } },
      'Invalid contact 1: Custom field "string--Tags" must hold a single value.',
    ],
  ])('refuses a malformed row %j', async (row, message) => {
    expect(await bulk([row])).toEqual({ status: 400, body: { error: 'Bad Request', message } });
  });

  it('answers an unknown `_autopilot_list` with 404', async () => {
    const result = await bulk([{ Email: 'a@example.com', _autopilot_list: 'contactlist_NOPE' }]);
    expect(result.status).toBe(404);
    expect(result.body?.message).toBe('List contactlist_NOPE could not be found (contact 1).');
  });

  it('refuses bad bodies, missing keys and unknown endpoints', async () => {
    expect((await call('POST', '/contacts', '{"contacts": [')).status).toBe(400);
    expect((await call('POST', '/contacts', { people: [] })).status).toBe(400);
    expect(await call('GET', '/lists', undefined, null)).toEqual({
      status: 401,
      body: { error: 'Unauthorized', message: 'Invalid or missing API key.' },
    });
    expect((await call('GET', '/segments/everything')).status).toBe(404);
    expect(emulator.state.contacts.size).toBe(0);
  });

  it('returns the documented read shape', async () => {
    const listId = emulator.state.createList('L').list_id;
    await bulk([
      { Email: 'r@example.com', FirstName: 'Rita', LastName: 'Mora', _autopilot_list: listId },
    ]);
    const { status, body } = await call('GET', `/contact/${encodeURIComponent('r@example.com')}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      contact_id: expect.stringMatching(
        /^person_[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
      ),
      Email: 'r@example.com',
      FirstName: 'Rita',
      LastName: 'Mora',
      Name: 'Rita Mora',
      custom: {},
      lists: [listId],
      created_at: expect.stringMatching(/ GMT$/),
      updated_at: expect.stringMatching(/ GMT$/),
    });
  });
});
