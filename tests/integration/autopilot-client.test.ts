// Contract tests: the Autopilot client against the real emulator over HTTP on 127.0.0.1, one
// endpoint at a time, checking both what the client returns and what the emulator stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AutopilotClient } from '../../core/autopilot/autopilot-client';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';

let emulator: RunningEmulator;
let client: AutopilotClient;

beforeEach(async () => {
  emulator = await startEmulator({ customFields: [{ name: 'Loyalty Tier', fieldType: 'string' }] });
  client = new AutopilotClient({ baseUrl: emulator.url, apiKey: emulatorTestKey, timeoutMs: 2000 });
});

afterEach(async () => {
  await emulator.close();
});

const person = (email: string, extra: Record<string, unknown> = {}) => ({ Email: email, ...extra });

describe('AutopilotClient against the emulator', () => {
  it('checks the key with an authenticated GET /lists carrying the autopilotapikey header', async () => {
    emulator.state.createList('Existing');
    await expect(client.checkKey()).resolves.toEqual({ listCount: 1 });
    expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /lists',
    ]);
  });

  it('creates, lists and finds lists by name ignoring case', async () => {
    const created = await client.createList('Spring Promo');
    expect(created.list_id).toMatch(/^contactlist_[0-9A-F-]{36}$/);
    expect(created.title).toBe('Spring Promo');
    expect(await client.listLists()).toEqual([created]);

    const found = await client.findOrCreateList('  spring promo ');
    expect(found).toEqual({ ...created, created: false });
    const fresh = await client.findOrCreateList('Autumn');
    expect(fresh.created).toBe(true);
    expect([...emulator.state.lists.values()].map((list) => list.title)).toEqual([
      'Spring Promo',
      'Autumn',
    ]);
  });

  it('reads custom fields: seeded ones and those learnt from upserts', async () => {
    await client.upsertContact(person('a@example.com', { custom: { 'integer--Visit--Count': 3 } }));
    expect(await client.getCustomFields()).toEqual([
      { name: 'Loyalty Tier', fieldType: 'string' },
      { name: 'Visit Count', fieldType: 'integer' },
    ]);
  });

  it('bulk-upserts up to 100 contacts, returns their ids in order and adds them to the list', async () => {
    const list = await client.createList('Bulk');
    const contacts = Array.from({ length: 100 }, (_, index) =>
      person(`p${index}@example.com`, { FirstName: `P${index}`, _autopilot_list: list.list_id }),
    );
    const ids = await client.upsertContacts(contacts);
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
    expect(emulator.state.contacts.get('p7@example.com')?.contact_id).toBe(ids[7]);
    expect(emulator.contactsInList('bulk')).toHaveLength(100);
    expect(emulator.requests.at(-1)).toMatchObject({
      path: '/contacts',
      status: 200,
      contactCount: 100,
    });
  });

  it('refuses more than 100 contacts before sending anything', async () => {
    const contacts = Array.from({ length: 101 }, (_, index) => person(`p${index}@example.com`));
    await expect(client.upsertContacts(contacts)).rejects.toMatchObject({
      kind: 'invalid-request',
    });
    expect(emulator.counters.total).toBe(0);
  });

  it('upserts one contact and reads it back by email and by id', async () => {
    const id = await client.upsertContact(
      person('Ana@Example.com', { FirstName: 'Ana', LastName: 'Puig' }),
    );
    expect(id).toMatch(/^person_[0-9A-F-]{36}$/);
    const byEmail = await client.getContact('ana@example.com');
    expect(byEmail).toMatchObject({ contact_id: id, Email: 'Ana@Example.com', Name: 'Ana Puig' });
    expect(await client.getContact(id ?? '')).toEqual(byEmail);
    expect(byEmail.created_at).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });

  it('adds, checks and removes list membership by email (with characters that need encoding)', async () => {
    const list = await client.createList('Members');
    const email = "o'neil+tag@example.com";
    await client.upsertContact(person(email));
    expect(await client.isContactOnList(list.list_id, email)).toBe(false);
    await client.addContactToList(list.list_id, email);
    expect(await client.isContactOnList(list.list_id, email)).toBe(true);
    expect((await client.getContact(email)).lists).toEqual([list.list_id]);
    await client.removeContactFromList(list.list_id, email);
    expect(await client.isContactOnList(list.list_id, email)).toBe(false);
  });

  it('pages through a list 100 at a time following bookmarks', async () => {
    const list = await client.createList('Paged');
    for (let batch = 0; batch < 3; batch += 1) {
      const contacts = Array.from({ length: 100 }, (_, index) =>
        person(`b${batch}-${index}@example.com`, { _autopilot_list: list.list_id }),
      );
      await client.upsertContacts(batch === 2 ? contacts.slice(0, 50) : contacts);
    }
    const first = await client.getListContactsPage(list.list_id);
    expect(first.contacts).toHaveLength(100);
    expect(first.totalContacts).toBe(250);
    expect(first.bookmark).toMatch(/^person_/);

    emulator.clearRecords();
    const all = await client.getListContacts(list.list_id);
    expect(all).toHaveLength(250);
    expect(new Set(all.map((contact) => contact.Email)).size).toBe(250);
    expect(emulator.requests.map((request) => request.path)).toEqual([
      `/list/${list.list_id}/contacts`,
      `/list/${list.list_id}/contacts/${first.bookmark}`,
      expect.stringMatching(new RegExp(`^/list/${list.list_id}/contacts/person_`)),
    ]);
  });

  it('pages through all contacts in the account', async () => {
    const contacts = Array.from({ length: 100 }, (_, index) => person(`all${index}@example.com`));
    await client.upsertContacts(contacts);
    await client.upsertContact(person('last@example.com'));
    const all = await client.getAllContacts();
    expect(all.map((contact) => contact.Email)).toEqual([
      ...contacts.map((contact) => contact.Email),
      'last@example.com',
    ]);
  });

  it('passes a caller abort through as the abort, not as an Autopilot error', async () => {
    emulator.configure({ faultSchedule: { 1: 'hang' } });
    const controller = new AbortController();
    const pending = client.listLists(controller.signal);
    await emulator.waitForRequests(1);
    controller.abort(new Error('paused by the user'));
    await expect(pending).rejects.toThrow('paused by the user');
  });
});
