// The emulator's Ortto custom fields over HTTP: create, list, and merge into them (ortto-api.md).
import { describe, expect, it } from 'vitest';
import {
  emailOnly,
  mergedEntries,
  orttoEmulatorPerTest,
  postToOrtto,
} from '../support/ortto-emulator-calls';

const start = orttoEmulatorPerTest();

describe('Ortto custom fields', () => {
  it('creates a custom field, lists it, and merges values into it', async () => {
    const ortto = await start();
    const created = await postToOrtto(ortto, 'person/custom-field/create', {
      type: 'text',
      name: 'Job Title',
    });
    expect(created).toMatchObject({
      status: 200,
      body: { name: 'Job Title', field_id: 'str:cm:job-title', display_type: 'text' },
    });
    const listed = await postToOrtto(ortto, 'person/custom-field/get', {});
    expect(listed.body).toEqual({
      fields: [
        {
          field: {
            id: 'str:cm:job-title',
            name: 'Job Title',
            display_type: 'text',
            liquid_name: 'people.custom.job_title',
            dic_items: [],
          },
          tracked_value: false,
        },
      ],
    });
    await mergedEntries(ortto, {
      people: [emailOnly('cf@example.com', { 'str:cm:job-title': 'Chef' })],
    });
    expect(ortto.person('cf@example.com')?.fields['str:cm:job-title']).toBe('Chef');
  });

  it('refuses a duplicate name and an unknown type', async () => {
    const ortto = await start({ customFields: [{ name: 'Points', type: 'integer' }] });
    const duplicate = await postToOrtto(ortto, 'person/custom-field/create', {
      type: 'integer',
      name: 'points',
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toMatchObject({ code: 'duplicate-field' });
    const unknownType = await postToOrtto(ortto, 'person/custom-field/create', {
      type: 'colour',
      name: 'Favourite',
    });
    expect(unknownType.status).toBe(400);
  });

  it('refuses the whole request when a field does not exist in the account', async () => {
    const ortto = await start({ customFields: [{ name: 'Points', type: 'integer' }] });
    const answer = await postToOrtto(ortto, 'person/merge', {
      people: [
        emailOnly('ok@example.com', { 'int:cm:points': 3 }),
        emailOnly('bad@example.com', { 'str:cm:nowhere': 'x' }),
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      request_id: expect.any(String),
      error: 'failed to validate field str:cm:nowhere: Object not found',
    });
    expect(ortto.person('ok@example.com')).toBeUndefined();
  });
});
