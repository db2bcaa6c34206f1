// The emulator's Ortto person/merge over HTTP: strategies, the email permission default, tags,
// per-person statuses, and the two-step delivery the client builds on them (ortto-api.md, issue 16).
import { describe, expect, it } from 'vitest';
import { orttoTestKey, type OrttoEmulatorOptions } from '../../emulator/ortto/server';
import {
  emailOnly,
  mergedEntries,
  orttoEmulatorPerTest,
  postToOrtto,
} from '../support/ortto-emulator-calls';

const start = orttoEmulatorPerTest();

const existingPeople: OrttoEmulatorOptions['people'] = [
  { fields: { 'str::email': 'sub@example.com', 'str::first': 'Sam', 'bol::p': true } },
  {
    fields: { 'str::email': 'unsub@example.com', 'str::first': 'Uma', 'bol::p': false },
    tags: ['Old'],
  },
];

describe('Ortto merge: creating people', () => {
  it('answers at a /v1 url with the test key and creates new people, subscribed by default', async () => {
    const ortto = await start();
    expect(ortto.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(ortto.apiKey).toBe(orttoTestKey);
    const entries = await mergedEntries(ortto, {
      people: [emailOnly('new@example.com', { 'str::first': 'Nia' })],
    });
    expect(entries).toEqual([{ person_id: expect.any(String), status: 'created' }]);
    expect(ortto.person('NEW@example.com')).toMatchObject({
      person_id: entries[0]?.person_id,
      fields: {
        'str::email': 'new@example.com',
        'str::first': 'Nia',
        'bol::p': true,
        'bol::sp': false,
      },
    });
  });

  it('keeps an explicit bol::p on creation', async () => {
    const ortto = await start();
    await mergedEntries(ortto, {
      people: [emailOnly('no@example.com', { 'bol::p': false })],
      merge_strategy: 3,
    });
    expect(ortto.person('no@example.com')?.fields['bol::p']).toBe(false);
  });

  it('never creates with skip_non_existing: a person not found is skipped', async () => {
    const ortto = await start({ people: existingPeople });
    const entries = await mergedEntries(ortto, {
      people: [emailOnly('ghost@example.com'), emailOnly('sub@example.com')],
      skip_non_existing: true,
    });
    expect(entries.map((entry) => entry.status)).toEqual(['skipped', 'merged']);
    expect(entries[0]?.person_id).toBeUndefined();
    expect(ortto.person('ghost@example.com')).toBeUndefined();
  });
});

describe('Ortto merge: existing people', () => {
  it('strategy 3 leaves an existing person alone, permission and tags included', async () => {
    const ortto = await start({ people: existingPeople });
    const before = ortto.person('unsub@example.com');
    const entries = await mergedEntries(ortto, {
      people: [
        {
          ...emailOnly('unsub@example.com', { 'bol::p': true, 'str::first': 'Changed' }),
          tags: ['New'],
        },
        { ...emailOnly('fresh@example.com', { 'bol::p': true }), tags: ['New'] },
      ],
      merge_strategy: 3,
    });
    expect(entries.map((entry) => entry.status)).toEqual(['merged', 'created']);
    expect(entries[0]?.person_id).toBe(before?.person_id);
    expect(ortto.person('unsub@example.com')).toEqual(before);
    expect(ortto.peopleWithTag('New')).toEqual(['fresh@example.com']);
    expect(ortto.counters.contactsAccepted).toBe(1);
  });

  it('answers strategy 3 for an existing person with the ignoredStatus option', async () => {
    const ortto = await start({ people: existingPeople, ignoredStatus: 'ignored' });
    const entries = await mergedEntries(ortto, {
      people: [emailOnly('sub@example.com'), emailOnly('brand-new@example.com')],
      merge_strategy: 3,
    });
    expect(entries.map((entry) => entry.status)).toEqual(['ignored', 'created']);
  });

  it('overwrite without bol::p updates fields and tags but not the permission', async () => {
    const ortto = await start({ people: existingPeople });
    const entries = await mergedEntries(ortto, {
      people: [
        { ...emailOnly('unsub@example.com', { 'str::first': 'Una' }), tags: ['VIP'] },
        { ...emailOnly('sub@example.com', { 'str::last': 'Stone' }), tags: ['VIP'] },
      ],
      merge_strategy: 2,
      skip_non_existing: true,
    });
    expect(entries.map((entry) => entry.status)).toEqual(['merged', 'merged']);
    expect(ortto.person('unsub@example.com')).toMatchObject({
      fields: { 'str::first': 'Una', 'bol::p': false },
      tags: ['Old', 'VIP'],
    });
    expect(ortto.person('sub@example.com')?.fields).toMatchObject({
      'str::first': 'Sam',
      'str::last': 'Stone',
      'bol::p': true,
    });
    expect(ortto.peopleWithTag('VIP')).toEqual(['unsub@example.com', 'sub@example.com']);
  });

  it('overwrite with bol::p false unsubscribes, and null clears a field', async () => {
    const ortto = await start({ people: existingPeople });
    await mergedEntries(ortto, {
      people: [emailOnly('sub@example.com', { 'bol::p': false, 'str::first': null })],
    });
    const fields = ortto.person('sub@example.com')?.fields;
    expect(fields?.['bol::p']).toBe(false);
    expect(fields).not.toHaveProperty('str::first');
  });

  it('strategy 1 fills only empty fields', async () => {
    const ortto = await start({ people: existingPeople });
    await mergedEntries(ortto, {
      people: [emailOnly('sub@example.com', { 'str::first': 'Other', 'str::last': 'Lee' })],
      merge_strategy: 1,
    });
    expect(ortto.person('sub@example.com')?.fields).toMatchObject({
      'str::first': 'Sam',
      'str::last': 'Lee',
    });
  });

  it('finds people by another merge_by field', async () => {
    const ortto = await start({
      people: [{ fields: { 'str::email': 'a@example.com', 'str::ei': 'crm-1' } }],
    });
    const entries = await mergedEntries(ortto, {
      people: [{ fields: { 'str::ei': 'crm-1', 'str::email': 'renamed@example.com' } }],
      merge_by: ['str::ei'],
    });
    expect(entries[0]?.status).toBe('merged');
    expect(ortto.person('renamed@example.com')?.fields['str::ei']).toBe('crm-1');
    expect(ortto.person('a@example.com')).toBeUndefined();
  });
});

describe('Ortto merge: tags', () => {
  it('creates tags on merge, removes them with unset_tags, and lists them with counts', async () => {
    const ortto = await start({ people: existingPeople });
    await mergedEntries(ortto, {
      people: [
        { ...emailOnly('one@example.com'), tags: ['Spring'] },
        { ...emailOnly('two@example.com'), tags: ['Spring'] },
      ],
    });
    await mergedEntries(ortto, {
      people: [{ ...emailOnly('one@example.com'), unset_tags: ['Spring', 'Never there'] }],
      merge_strategy: 2,
      skip_non_existing: true,
    });
    expect(ortto.peopleWithTag('Spring')).toEqual(['two@example.com']);
    const tags = await postToOrtto(ortto, 'tags/get', {});
    expect(tags.status).toBe(200);
    expect(tags.body).toEqual([
      { id: expect.any(String), name: 'Old', source: 'api', count: 1 },
      { id: expect.any(String), name: 'Spring', source: 'api', count: 1 },
    ]);
  });
});

describe('Ortto merge: per-person statuses', () => {
  it('answers each person in order, merging the good ones beside invalid and suppressed', async () => {
    const ortto = await start({
      people: existingPeople,
      invalidEmails: ['looks-fine@example.com'],
      suppressedEmails: ['blocked@example.com'],
    });
    const entries = await mergedEntries(ortto, {
      people: [
        emailOnly('not-an-email'),
        emailOnly('good@example.com'),
        emailOnly('looks-fine@example.com'),
        emailOnly('BLOCKED@example.com'),
        emailOnly('sub@example.com'),
        emailOnly('flag@example.com', { 'bol::p': 'yes' }),
      ],
    });
    expect(entries).toEqual([
      { status: 'invalid', error: expect.stringContaining('not-an-email') },
      { person_id: expect.any(String), status: 'created' },
      { status: 'invalid', error: expect.any(String) },
      { status: 'suppressed', error: expect.any(String) },
      { person_id: ortto.person('sub@example.com')?.person_id, status: 'merged' },
      { status: 'invalid', error: 'bol::p takes true or false' },
    ]);
    expect(ortto.person('not-an-email')).toBeUndefined();
    expect(ortto.person('blocked@example.com')).toBeUndefined();
    expect(ortto.counters.contactsAccepted).toBe(2);
  });

  it('refuses a request whose people are all invalid with a 400 and details', async () => {
    const ortto = await start({ suppressedEmails: ['blocked@example.com'] });
    const answer = await postToOrtto(ortto, 'person/merge', {
      people: [emailOnly('nope'), emailOnly('blocked@example.com')],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      request_id: expect.any(String),
      code: 'invalid-contacts',
      error: 'No valid contacts provided (2 refused)',
      details: [
        { status: 'invalid', error: expect.any(String) },
        { status: 'suppressed', error: expect.any(String) },
      ],
    });
  });

  it('refuses bad merge settings as a whole', async () => {
    const ortto = await start();
    const people = [emailOnly('x@example.com')];
    const bodies = [
      { people, merge_strategy: 4 },
      { people, merge_by: ['str::person_id', 'str::email'] },
      { people, merge_by: [] },
      { people: [{ fields: 'x' }] },
      { people: [] },
    ];
    for (const body of bodies) {
      expect((await postToOrtto(ortto, 'person/merge', body)).status).toBe(400);
    }
    expect(ortto.state.people.size).toBe(0);
  });
});

describe('Ortto merge: the two-step delivery of issue 16', () => {
  it('creates new people with the chosen permission and updates the others without touching theirs', async () => {
    const ortto = await start({ people: existingPeople });
    const batch = [
      emailOnly('new@example.com', { 'str::first': 'Nia' }),
      emailOnly('sub@example.com', { 'str::first': 'Samuel' }),
      emailOnly('unsub@example.com', { 'str::first': 'Umar' }),
    ];
    const tags = ['Spring segment'];
    const first = await mergedEntries(ortto, {
      people: batch.map((person) => ({ fields: { ...person.fields, 'bol::p': false }, tags })),
      merge_by: ['str::email'],
      merge_strategy: 3,
    });
    expect(first.map((entry) => entry.status)).toEqual(['created', 'merged', 'merged']);
    const existing = batch.filter((_, index) => first[index]?.status !== 'created');
    const second = await mergedEntries(ortto, {
      people: existing.map((person) => ({ ...person, tags })),
      merge_by: ['str::email'],
      merge_strategy: 2,
      skip_non_existing: true,
    });
    expect(second.map((entry) => entry.status)).toEqual(['merged', 'merged']);
    const permission = (email: string) => ortto.person(email)?.fields['bol::p'];
    expect([permission('new@example.com'), permission('sub@example.com')]).toEqual([false, true]);
    expect(permission('unsub@example.com')).toBe(false);
    expect(ortto.person('sub@example.com')?.fields['str::first']).toBe('Samuel');
    expect(ortto.peopleWithTag('Spring segment')).toEqual([
      'new@example.com',
      'sub@example.com',
      'unsub@example.com',
    ]);
    expect(ortto.counters).toMatchObject({ total: 2, bans: 0, contactsAccepted: 3 });
  });
});
