// Tolerant readers for the parts of Autopilot's answers the doc leaves unconfirmed (§7).
import { describe, expect, it } from 'vitest';
import { AutopilotClient } from '../../core/autopilot/autopilot-client';
import { customFieldTypeOf } from '../../core/autopilot/autopilot-destination';
import {
  readContactIds,
  readCreatedListId,
  readCustomFields,
  readLists,
} from '../../core/autopilot/autopilot-wire';

describe('readers', () => {
  it('accept the shapes POST /list might answer with', () => {
    expect(readCreatedListId({ list_id: 'contactlist_A' })).toBe('contactlist_A');
    expect(readCreatedListId({ list: { list_id: 'contactlist_B' } })).toBe('contactlist_B');
    expect(readCreatedListId('contactlist_C')).toBe('contactlist_C');
    expect(readCreatedListId({})).toBeUndefined();
    expect(readCreatedListId(undefined)).toBeUndefined();
  });

  it('read custom fields bare or wrapped, skipping nameless entries', () => {
    expect(
      readCustomFields([
        { name: 'Tier', fieldType: 'string' },
        { fieldType: 'integer' },
        { name: 'Age', type: 'integer' },
      ]),
    ).toEqual([
      { name: 'Tier', fieldType: 'string' },
      { name: 'Age', fieldType: 'integer' },
    ]);
    expect(readCustomFields({ custom_fields: [{ name: 'X', field_type: 'boolean' }] })).toEqual([
      { name: 'X', fieldType: 'boolean' },
    ]);
    expect(() => readCustomFields({ unexpected: true })).toThrow(/couldn't read/);
  });

  it('refuse a lists answer that is not Autopilot, and tolerate missing titles or ids', () => {
    expect(() => readLists('<html>')).toThrow(/couldn't read/);
    expect(readLists({ lists: [{ list_id: 'contactlist_A' }] })).toEqual([
      { list_id: 'contactlist_A', title: '' },
    ]);
    expect(readContactIds({})).toEqual([]);
    expect(readContactIds({ contact_ids: ['person_A', 5] })).toEqual(['person_A']);
  });

  it('read custom field types loosely', () => {
    expect(
      ['integer', 'Number', 'float', 'BOOL', 'datetime', 'text', 'mystery'].map(customFieldTypeOf),
    ).toEqual(['integer', 'integer', 'float', 'boolean', 'date', 'string', 'string']);
  });
});

describe('createList when the answer carries no id', () => {
  it('finds the new list by name', async () => {
    const calls: string[] = [];
    const server: typeof fetch = async (input, init) => {
      calls.push(`${init?.method} ${String(input)}`);
      const body =
        init?.method === 'POST'
          ? '{}'
          : '{"lists":[{"list_id":"contactlist_NEW","title":"Promo"}]}';
      return new Response(body, { status: 200 });
    };
    const client = new AutopilotClient({
      baseUrl: 'http://127.0.0.1:9/v1/',
      apiKey: 'k',
      fetch: server,
    });
    expect(await client.createList('Promo')).toEqual({
      list_id: 'contactlist_NEW',
      title: 'Promo',
    });
    expect(calls).toEqual(['POST http://127.0.0.1:9/v1/list', 'GET http://127.0.0.1:9/v1/lists']);
  });
});
