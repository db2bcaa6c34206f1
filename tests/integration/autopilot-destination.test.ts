// The Destination the upload engine uses, backed by Autopilot, against the real emulator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAutopilotDestination } from '../../core/autopilot/autopilot-destination';
import type { Destination, OutgoingContact } from '../../core/destination-port/destination';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import { autopilotDefaultEndpoint } from '../../shared/model/destination-service';
import { directCall } from '../support/request-call';

let emulator: RunningEmulator;
let destination: Destination;

beforeEach(async () => {
  emulator = await startEmulator({
    customFields: [
      { name: 'Loyalty Tier', fieldType: 'string' },
      { name: 'Score', fieldType: 'integer' },
    ],
  });
  destination = createAutopilotDestination({ endpoint: emulator.url, apiKey: emulatorTestKey });
});

afterEach(async () => {
  await emulator.close();
});

const contact = (email: string, overrides: Partial<OutgoingContact> = {}): OutgoingContact => ({
  email,
  standard: {},
  custom: [],
  ...overrides,
});

describe('Autopilot destination', () => {
  it('points at the real service by default and takes 100 contacts per batch', () => {
    expect(autopilotDefaultEndpoint).toBe('https://api2.autopilothq.com/v1');
    expect(destination.maxBatchSize).toBe(100);
  });

  it('checks credentials and summarises the account in plain words', async () => {
    await expect(destination.checkCredentials()).resolves.toEqual({
      summary: 'Connected. The account has no lists yet.',
      listCount: 0,
    });
    emulator.state.createList('A');
    emulator.state.createList('B');
    expect((await destination.checkCredentials()).summary).toBe(
      'Connected. The account has 2 lists.',
    );
    const wrong = createAutopilotDestination({ endpoint: emulator.url, apiKey: 'wrong' });
    await expect(wrong.checkCredentials()).rejects.toMatchObject({ kind: 'rejected-key' });
  });

  it('explains an endpoint that is not Autopilot', async () => {
    const elsewhere = createAutopilotDestination({
      endpoint: emulator.url.replace(/\/v1$/, '/not-autopilot'),
      apiKey: emulatorTestKey,
    });
    await expect(elsewhere.checkCredentials()).rejects.toMatchObject({
      kind: 'invalid-request',
      message:
        "That API endpoint doesn't answer like Autopilot. Check the endpoint in Destinations.",
    });
  });

  it('ensures a list once: created the first time, found (any case) after', async () => {
    const first = await destination.ensureList('Weekly Newsletter');
    expect(first).toMatchObject({ name: 'Weekly Newsletter', created: true });
    const again = await destination.ensureList('weekly newsletter');
    expect(again).toEqual({ id: first.id, name: 'Weekly Newsletter', created: false });
    expect(await destination.listLists()).toEqual([{ id: first.id, name: 'Weekly Newsletter' }]);
    expect(emulator.state.lists.size).toBe(1);
  });

  it('describes standard fields then the account custom fields', async () => {
    const fields = await destination.describeFields();
    expect(fields[0]).toEqual({
      key: 'Email',
      label: 'Email',
      kind: 'standard',
      type: 'string',
      required: true,
    });
    expect(fields.find((field) => field.key === 'NumberOfEmployees')?.type).toBe('integer');
    expect(fields.filter((field) => field.required)).toHaveLength(1);
    expect(fields.filter((field) => field.kind === 'custom')).toEqual([
      {
        key: 'Loyalty Tier',
        label: 'Loyalty Tier',
        kind: 'custom',
        type: 'string',
        required: false,
      },
      { key: 'Score', label: 'Score', kind: 'custom', type: 'integer', required: false },
    ]);
  });

  it('upserts a batch onto the list with standard and custom fields on the wire', async () => {
    const list = await destination.ensureList('VIP');
    await destination.upsertBatch(
      list.id,
      [
        contact('ana@example.com', {
          standard: { FirstName: 'Ana', NumberOfEmployees: '250' },
          custom: [{ name: 'Loyalty Tier', type: 'string', value: 'Gold' }],
        }),
        contact('joan@example.com', { custom: [{ name: 'Score', type: 'integer', value: 7 }] }),
      ],
      directCall(),
    );
    const members = emulator.contactsInList('VIP');
    expect(members.map((member) => member.Email)).toEqual(['ana@example.com', 'joan@example.com']);
    expect(emulator.contact('ana@example.com')).toMatchObject({
      FirstName: 'Ana',
      NumberOfEmployees: 250,
      custom: { 'string--Loyalty--Tier': 'Gold' },
      lists: [list.id],
    });
    expect(emulator.contact('joan@example.com')?.custom).toEqual({ 'integer--Score': 7 });
    expect(emulator.requests.at(-1)).toMatchObject({ path: '/contacts', contactCount: 2 });
  });

  it('sends nothing for an empty batch and reports a refused batch as invalid-request', async () => {
    const list = await destination.ensureList('VIP');
    const before = emulator.counters.total;
    await destination.upsertBatch(list.id, [], directCall());
    expect(emulator.counters.total).toBe(before);
    emulator.configure({ invalidEmails: ['bounced@example.com'] });
    await expect(
      destination.upsertBatch(
        list.id,
        [contact('ok@example.com'), contact('bounced@example.com')],
        directCall(),
      ),
    ).rejects.toMatchObject({
      kind: 'invalid-request',
      serverMessage: expect.stringContaining('bounced@example.com'),
    });
    expect(emulator.contactsInList('VIP')).toEqual([]);
  });

  it('reports a list deleted behind its back as not-found', async () => {
    const list = await destination.ensureList('Gone');
    emulator.state.lists.delete(list.id);
    emulator.state.memberships.delete(list.id);
    await expect(
      destination.upsertBatch(list.id, [contact('a@example.com')], directCall()),
    ).rejects.toMatchObject({
      kind: 'not-found',
    });
  });
});
