import { describe, expect, it } from 'vitest';
import type { OutgoingContact } from '../../core/destination-port/destination';
import {
  errorFromOrttoFailure,
  errorFromOrttoResponse,
  orttoMessages,
  readOrttoMessage,
  readTryInMs,
} from '../../core/ortto/ortto-errors';
import {
  personFields,
  readStatuses,
  refusalReason,
  removalMerge,
} from '../../core/ortto/ortto-wire';
import { splitPeople } from '../../core/ortto/request-split';

const noCustom = new Map<string, string>();
const redact = (text: string) => text.split('secret-key').join('[redacted]');

function contact(email: string, extra: Partial<OutgoingContact> = {}): OutgoingContact {
  return { email, standard: {}, custom: [], ...extra };
}

describe('Ortto person fields', () => {
  it('writes built-in fields in their shapes, custom fields by id, and the permission only when given', () => {
    const fields = personFields(
      contact('ana@example.com', {
        standard: {
          'str::first': 'Ana',
          'phn::phone': '+34 600 000 000',
          'geo::city': 'Girona',
          'str::postal': '17001',
          'bol::p': 'true',
        },
        custom: [
          { name: 'Points', type: 'integer', value: '250' },
          { name: 'Spend', type: 'float', value: '12.5' },
          { name: 'Renewal', type: 'date', value: '2026-03-01' },
          { name: 'Unknown', type: 'string', value: 'x' },
        ],
      }),
      new Map([
        ['points', 'int:cm:points'],
        ['spend', 'int:cm:spend'],
        ['renewal', 'dtz:cm:renewal'],
      ]),
      undefined,
    );
    expect(fields).toEqual({
      'str::email': 'ana@example.com',
      'str::first': 'Ana',
      'phn::phone': { phone: '+34 600 000 000', parse_with_country_code: true },
      'geo::city': { name: 'Girona' },
      'str::postal': '17001',
      'int:cm:points': 250,
      'int:cm:spend': 12_500,
      'dtz:cm:renewal': { year: 2026, month: 3, day: 1, timezone: 'UTC' },
    });
    expect(personFields(contact('a@example.com'), noCustom, false)).toEqual({
      'str::email': 'a@example.com',
      'bol::p': false,
    });
  });

  it('builds a removal that only takes the tag off existing people', () => {
    expect(removalMerge('VIP', ['a@example.com'])).toEqual({
      people: [{ fields: { 'str::email': 'a@example.com' }, unset_tags: ['VIP'] }],
      merge_by: ['str::email'],
      merge_strategy: 2,
      skip_non_existing: true,
    });
  });
});

describe('Ortto statuses', () => {
  it('reads each person in order, from a 200 or a 400 with details, and marks the missing', () => {
    const ok = { people: [{ status: 'created' }, { status: 'merged' }] };
    expect(readStatuses(ok, 3).map((entry) => entry.status)).toEqual([
      'created',
      'merged',
      'missing',
    ]);
    const refused = {
      request_id: 'r1',
      error: 'No valid contacts provided',
      details: [{ status: 'invalid', error: 'email is not valid' }],
    };
    const [first = { status: 'missing', reason: undefined }] = readStatuses(refused, 1);
    expect(first).toEqual({ status: 'invalid', reason: 'email is not valid' });
    expect(refusalReason(first)).toContain('email is not valid');
  });
});

describe('Ortto size split', () => {
  it('keeps each request within 100 people and within the byte limit', () => {
    const people = Array.from({ length: 250 }, (_, at) => ({
      fields: { 'str::email': `p${at}@example.com` },
    }));
    expect(splitPeople(people).map((group) => group.length)).toEqual([100, 100, 50]);
    const big = Array.from({ length: 10 }, (_, at) => ({
      fields: { 'str::email': `p${at}@example.com`, 'str::first': 'é'.repeat(1_000) },
    }));
    const groups = splitPeople(big, { maxPeople: 100, maxBytes: 6_000 });
    expect(groups.flat()).toEqual(big.map((_, at) => at));
    for (const group of groups) {
      const bytes = Buffer.byteLength(JSON.stringify({ people: group.map((at) => big[at]) }));
      expect(bytes).toBeLessThanOrEqual(6_000);
    }
    expect(groups.length).toBeGreaterThan(1);
  });
});

describe('Ortto error mapping', () => {
  const answer = (status: number, body: unknown) =>
    errorFromOrttoResponse({ status, bodyText: JSON.stringify(body), redact });

  it('maps statuses to the kinds the engine acts on', () => {
    expect(answer(401, {}).kind).toBe('rejected-key');
    expect(answer(403, {}).kind).toBe('rejected-key');
    const limited = answer(429, {
      error: { code: 'rate-limit', message: 'rate limit', 'try-in-seconds': 10 },
    });
    expect(limited).toMatchObject({ kind: 'rate-limited', retryAfterMs: 10_000 });
    expect(answer(503, {}).kind).toBe('transient');
    expect(answer(307, {}).kind).toBe('transient');
    const bad = answer(400, { error: 'failed to validate field secret-key: Object not found' });
    expect(bad.kind).toBe('invalid-request');
    expect(bad.serverMessage).toBe('failed to validate field [redacted]: Object not found');
  });

  it('tells an unreachable network from a broken connection and a timeout', () => {
    const failed = (code: string) => new TypeError('fetch failed', { cause: { code } });
    expect(errorFromOrttoFailure(failed('ECONNREFUSED'), { timedOut: false }).kind).toBe('offline');
    expect(errorFromOrttoFailure(failed('ECONNRESET'), { timedOut: false })).toMatchObject({
      kind: 'transient',
      message: orttoMessages.interrupted,
    });
    expect(errorFromOrttoFailure(new Error('x'), { timedOut: true }).message).toBe(
      orttoMessages.timedOut,
    );
  });

  it('reads try-in-seconds and messages loosely', () => {
    expect(readTryInMs('{"error":{"try-in-seconds":3}}')).toBe(3_000);
    expect(readTryInMs('not json')).toBeUndefined();
    expect(readOrttoMessage('{"error":{"message":"too many bad requests"}}')).toBe(
      'too many bad requests',
    );
  });
});
