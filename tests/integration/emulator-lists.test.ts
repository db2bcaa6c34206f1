// The emulator's lists, membership, paging and custom fields, in raw HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';

let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startEmulator();
});

afterEach(async () => {
  await emulator.close();
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', autopilotapikey: emulatorTestKey },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

type Page = { contacts: { Email: string }[]; total_contacts?: number; bookmark?: string };

async function seed(count: number, listId?: string): Promise<void> {
  for (let start = 0; start < count; start += 100) {
    const size = Math.min(100, count - start);
    const contacts = Array.from({ length: size }, (_, index) => ({
      Email: `c${start + index}@example.com`,
      ...(listId ? { _autopilot_list: listId } : {}),
    }));
    expect((await call('POST', '/contacts', { contacts })).status).toBe(200);
  }
}

describe('emulator lists and paging', () => {
  it('creates lists with POST /list → {list_id} and lists them, duplicates allowed', async () => {
    const created = await call('POST', '/list', { name: 'Promo' });
    expect(created).toEqual({
      status: 200,
      body: { list_id: expect.stringMatching(/^contactlist_/) },
    });
    await call('POST', '/list', { name: 'Promo' });
    const lists = (await call('GET', '/lists')).body as {
      lists: { list_id: string; title: string }[];
    };
    expect(lists.lists.map((list) => list.title)).toEqual(['Promo', 'Promo']);
    expect(lists.lists[0]?.list_id).toBe((created.body as { list_id: string }).list_id);
    expect((await call('POST', '/list', { name: '  ' })).status).toBe(400);
  });

  it('adds, checks and removes membership by id or email; 404 for unknowns', async () => {
    const listId = emulator.state.createList('M').list_id;
    await seed(1);
    const contactId = emulator.state.contacts.get('c0@example.com')?.contact_id ?? '';
    const member = (reference: string) =>
      `/list/${listId}/contact/${encodeURIComponent(reference)}`;
    expect((await call('GET', member('c0@example.com'))).status).toBe(404);
    expect((await call('POST', member('C0@EXAMPLE.COM'))).status).toBe(200);
    expect((await call('GET', member(contactId))).status).toBe(200);
    expect((await call('DELETE', member(contactId))).status).toBe(200);
    expect((await call('GET', member('c0@example.com'))).status).toBe(404);
    expect((await call('POST', member('ghost@example.com'))).status).toBe(404);
    expect((await call('POST', `/list/contactlist_NOPE/contact/${contactId}`)).status).toBe(404);
  });

  it('pages a list 100 at a time; the last page has no bookmark', async () => {
    const listId = emulator.state.createList('Big').list_id;
    await seed(230, listId);
    const emails: string[] = [];
    let path = `/list/${listId}/contacts`;
    const pageSizes: number[] = [];
    for (;;) {
      const page = (await call('GET', path)).body as Page;
      expect(page.total_contacts).toBe(230);
      pageSizes.push(page.contacts.length);
      emails.push(...page.contacts.map((contact) => contact.Email));
      if (page.bookmark === undefined) break;
      expect(page.bookmark).toMatch(/^person_/);
      path = `/list/${listId}/contacts/${page.bookmark}`;
    }
    expect(pageSizes).toEqual([100, 100, 30]);
    expect(emails).toEqual(Array.from({ length: 230 }, (_, index) => `c${index}@example.com`));
    expect((await call('GET', `/list/${listId}/contacts/person_BOGUS`)).status).toBe(400);
    expect((await call('GET', '/list/contactlist_NOPE/contacts')).status).toBe(404);
  });

  it('pages all contacts with GET /contacts and /contacts/{bookmark}', async () => {
    await seed(150);
    const first = (await call('GET', '/contacts')).body as Page;
    expect(first.contacts).toHaveLength(100);
    const second = (await call('GET', `/contacts/${first.bookmark}`)).body as Page;
    expect(second.contacts).toHaveLength(50);
    expect(second.bookmark).toBeUndefined();
    expect(second.contacts[0]?.Email).toBe('c100@example.com');
  });

  it('lists learnt custom fields as a bare array of {name, fieldType}', async () => {
    await call('POST', '/contact', {
      contact: {
        Email: 'a@example.com',
        custom: { 'string--Loyalty--Tier': 'Gold', 'boolean--VIP': true },
      },
    });
    await call('POST', '/contact', {
      contact: { Email: 'b@example.com', custom: { 'string--Loyalty--Tier': 'x' } },
    });
    expect((await call('GET', '/contacts/custom_fields')).body).toEqual([
      { name: 'Loyalty Tier', fieldType: 'string' },
      { name: 'VIP', fieldType: 'boolean' },
    ]);
  });

  it('deletes a contact (and its memberships) and unsubscribes one', async () => {
    const listId = emulator.state.createList('D').list_id;
    await seed(2, listId);
    expect((await call('DELETE', '/contact/c0%40example.com')).status).toBe(200);
    expect((await call('GET', '/contact/c0%40example.com')).status).toBe(404);
    expect(emulator.contactsInList('D').map((contact) => contact.Email)).toEqual([
      'c1@example.com',
    ]);
    expect((await call('POST', '/contact/c1%40example.com/unsubscribe')).status).toBe(200);
    expect(emulator.contact('c1@example.com')).toMatchObject({ unsubscribed: true });
  });
});
