import { describe, expect, it } from 'vitest';
import { DestinationError, type OutgoingContact } from '../../core/destination-port/destination';
import {
  heldBackMessage,
  maxAtRisk,
  maxBadRequestsPerWindow,
} from '../../core/ortto/bad-request-guard';
import { createOrttoDestination } from '../../core/ortto/ortto-destination';
import { noPermissionReason } from '../../core/ortto/person-merge';
import { directCall } from '../support/request-call';
import {
  fakeOrttoTransport,
  mergeStatuses,
  type FakeTransport,
  type OrttoAnswer,
} from '../support/ortto-fake-transport';

const endpoint = 'http://127.0.0.1:1/v1';
const apiKey = 'secret-key';

function contact(email: string, extra: Partial<OutgoingContact> = {}): OutgoingContact {
  return { email, standard: {}, custom: [], ...extra };
}

function destinationWith(answer: OrttoAnswer, emailPermission?: 'yes' | 'no', now = () => 0) {
  const transport = fakeOrttoTransport(answer);
  const destination = createOrttoDestination({
    endpoint,
    apiKey,
    emailPermission,
    fetch: transport.fetch,
    now,
  });
  return { destination, transport };
}

type Person = { fields: Record<string, unknown>; tags?: string[] };
const bodyAt = (transport: FakeTransport, at: number) => transport.calls[at]?.body ?? {};
const peopleAt = (transport: FakeTransport, at: number) =>
  (bodyAt(transport, at).people ?? []) as Person[];

/** Existing people are `merged` by either step; everyone else is created by step 1. */
function accountWith(existing: readonly string[]): OrttoAnswer {
  return mergeStatuses((email, body) =>
    existing.includes(email) || body.merge_strategy === 2 ? 'merged' : 'created',
  );
}

describe('Ortto destination: delivery in two steps', () => {
  it('creates new people with the declared permission in one request per batch', async () => {
    const { destination, transport } = destinationWith(accountWith([]), 'no');
    const call = directCall();
    const outcome = await destination.upsertBatch(
      'VIP',
      [contact('a@example.com'), contact('b@example.com', { emailPermission: true })],
      call,
    );
    expect(outcome.refused).toEqual([]);
    expect(transport.calls).toHaveLength(1);
    expect(call.paced).toBe(1);
    const [first] = transport.calls;
    expect(first).toMatchObject({ path: 'person/merge', apiKey });
    expect(first?.body).toMatchObject({ merge_by: ['str::email'], merge_strategy: 3 });
    expect(peopleAt(transport, 0)).toEqual([
      { fields: { 'str::email': 'a@example.com', 'bol::p': false }, tags: ['VIP'] },
      { fields: { 'str::email': 'b@example.com', 'bol::p': true }, tags: ['VIP'] },
    ]);
  });

  it('updates existing people in a second request that never carries their permission', async () => {
    const { destination, transport } = destinationWith(accountWith(['old@example.com']), 'yes');
    const call = directCall();
    await destination.upsertBatch(
      'VIP',
      [
        contact('new@example.com', { standard: { 'str::first': 'Nia' } }),
        contact('old@example.com', { standard: { 'str::first': 'Olga' } }),
      ],
      call,
    );
    expect(call.paced).toBe(2);
    const second = bodyAt(transport, 1);
    expect(second).toMatchObject({ merge_strategy: 2, skip_non_existing: true });
    expect(peopleAt(transport, 1)).toEqual([
      { fields: { 'str::email': 'old@example.com', 'str::first': 'Olga' }, tags: ['VIP'] },
    ]);
  });

  it('sends an opt-out chosen as unsubscribed with bol::p false to existing people too', async () => {
    const { destination, transport } = destinationWith(accountWith(['old@example.com']), 'yes');
    await destination.upsertBatch(
      'VIP',
      [contact('old@example.com', { unsubscribe: true, emailPermission: false })],
      directCall(),
    );
    expect(peopleAt(transport, 1)[0]?.fields['bol::p']).toBe(false);
  });

  it("refuses people Ortto does not take, with Ortto's reason, and never retries them", async () => {
    const answer = mergeStatuses((email, body) => {
      if (email === 'bad@example.com') return 'invalid';
      if (email === 'gone@example.com') return body.merge_strategy === 2 ? 'skipped' : 'merged';
      return 'created';
    });
    const { destination, transport } = destinationWith(answer, 'yes');
    const outcome = await destination.upsertBatch(
      'VIP',
      [contact('ok@example.com'), contact('bad@example.com'), contact('gone@example.com')],
      directCall(),
    );
    expect(outcome.refused.map((item) => item.email)).toEqual([
      'bad@example.com',
      'gone@example.com',
    ]);
    expect(outcome.refused[0]?.reason).toContain('invalid');
    expect(peopleAt(transport, 1).map((person) => person.fields['str::email'])).toEqual([
      'gone@example.com',
    ]);
  });

  it('reads a 400 that lists every person as per-person refusals, not a failed request', async () => {
    const { destination } = destinationWith(
      () => ({
        status: 400,
        body: {
          request_id: 'r',
          error: 'No valid contacts provided',
          details: [{ status: 'suppressed', error: 'on the suppression list' }],
        },
      }),
      'yes',
    );
    const outcome = await destination.upsertBatch('VIP', [contact('s@example.com')], directCall());
    expect(outcome.refused).toEqual([
      { email: 's@example.com', reason: expect.stringContaining('on the suppression list') },
    ]);
  });

  it('sends nobody without a permission to give new people', async () => {
    const { destination, transport } = destinationWith(accountWith([]));
    const outcome = await destination.upsertBatch(
      'VIP',
      [contact('unsure@example.com'), contact('yes@example.com', { emailPermission: true })],
      directCall(),
    );
    expect(outcome.refused).toEqual([{ email: 'unsure@example.com', reason: noPermissionReason }]);
    expect(peopleAt(transport, 0)).toHaveLength(1);
  });

  it('creates a missing custom field once, with its type, before the merge that needs it', async () => {
    const answer: OrttoAnswer = (call) => {
      if (call.path === 'person/custom-field/get') {
        return {
          body: { fields: [{ field: { id: 'str:cm:tier', name: 'Tier', display_type: 'text' } }] },
        };
      }
      if (call.path === 'person/custom-field/create') {
        return {
          body: { name: call.body.name, field_id: 'int:cm:points', display_type: 'integer' },
        };
      }
      return accountWith([])(call);
    };
    const { destination, transport } = destinationWith(answer, 'yes');
    const withFields = (email: string) =>
      contact(email, {
        custom: [
          { name: 'tier', type: 'string', value: 'Gold' },
          { name: 'Points', type: 'integer', value: 7 },
        ],
      });
    const call = directCall();
    await destination.upsertBatch('VIP', [withFields('a@example.com')], call);
    await destination.upsertBatch('VIP', [withFields('b@example.com')], call);
    expect(transport.calls.map((item) => item.path)).toEqual([
      'person/custom-field/get',
      'person/custom-field/create',
      'person/merge',
      'person/merge',
    ]);
    expect(call.paced).toBe(transport.calls.length);
    expect(transport.calls[1]?.body).toEqual({ type: 'integer', name: 'Points' });
    expect(peopleAt(transport, 3)[0]?.fields).toMatchObject({
      'str:cm:tier': 'Gold',
      'int:cm:points': 7,
    });
  });
});

describe('Ortto destination: a custom field made meanwhile', () => {
  it('uses the field someone else created instead of failing the batch', async () => {
    let reads = 0;
    const answer: OrttoAnswer = (call) => {
      if (call.path === 'person/custom-field/get') {
        reads += 1;
        const fields = reads > 1 ? [{ field: { id: 'str:cm:tier', name: 'Tier' } }] : [];
        return { body: { fields } };
      }
      if (call.path === 'person/custom-field/create') {
        return { status: 400, body: { error: 'A custom field named "Tier" already exists.' } };
      }
      return accountWith([])(call);
    };
    const { destination, transport } = destinationWith(answer, 'yes');
    const tiered = contact('a@example.com', {
      custom: [{ name: 'Tier', type: 'string', value: 'Gold' }],
    });
    const outcome = await destination.upsertBatch('VIP', [tiered], directCall());
    expect(outcome.refused).toEqual([]);
    expect(peopleAt(transport, 3)[0]?.fields).toMatchObject({ 'str:cm:tier': 'Gold' });
  });
});

describe('Ortto destination: lists are tags', () => {
  const tagsAnswer: OrttoAnswer = () => ({ body: [{ name: 'VIP' }, { name: 'Newsletter' }] });

  it('checks the key with a cheap read and finds or names tags', async () => {
    const { destination } = destinationWith(tagsAnswer);
    expect(await destination.checkCredentials()).toEqual({
      summary: 'Connected. The account has 2 tags.',
      listCount: 2,
    });
    expect(await destination.ensureList('vip')).toEqual({ id: 'VIP', name: 'VIP', created: false });
    expect(await destination.ensureList('Spring')).toEqual({
      id: 'Spring',
      name: 'Spring',
      created: true,
    });
    expect(destination.upsertListsEveryone).toBe(true);
  });

  it('names a wrong key rejected without the key in the message', async () => {
    const { destination } = destinationWith(() => ({ status: 401, body: { error: 'secret-key' } }));
    const error = await destination.checkCredentials().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DestinationError);
    expect(error).toMatchObject({ kind: 'rejected-key' });
    expect(JSON.stringify(error) + String((error as Error).message)).not.toContain(apiKey);
  });

  it('holds requests back after a few bad ones, well before Ortto would ban the caller', async () => {
    let now = 0;
    const { destination, transport } = destinationWith(
      () => ({ status: 400, body: { error: 'failed to validate field' } }),
      'yes',
      () => now,
    );
    const send = () =>
      destination
        .upsertBatch('VIP', [contact('a@example.com')], directCall())
        .catch((error: unknown) => error as DestinationError);
    const errors = [];
    for (let attempt = 0; attempt < 12; attempt += 1) errors.push(await send());
    expect(transport.calls).toHaveLength(maxBadRequestsPerWindow);
    expect(errors.at(-1)).toMatchObject({ kind: 'transient', message: heldBackMessage });
    // Sent all at once, the requests in flight count too.
    now = 15_001;
    await Promise.all(Array.from({ length: 30 }, send));
    expect(transport.calls.length - maxBadRequestsPerWindow).toBe(maxAtRisk);
  });

  it('takes the tag off a group of people in one request', async () => {
    const { destination, transport } = destinationWith(mergeStatuses(() => 'merged'));
    await destination.removal?.remove(
      'VIP',
      ['a@example.com', 'b@example.com'],
      AbortSignal.timeout(1_000),
    );
    expect(transport.calls).toHaveLength(1);
    expect(peopleAt(transport, 0)).toEqual([
      { fields: { 'str::email': 'a@example.com' }, unset_tags: ['VIP'] },
      { fields: { 'str::email': 'b@example.com' }, unset_tags: ['VIP'] },
    ]);
  });
});
