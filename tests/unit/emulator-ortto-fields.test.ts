// The emulator's reading of Ortto field ids, values and merge bodies (ortto-api.md).
import { describe, expect, it } from 'vitest';
import { customFieldId, fieldValueProblem, kebabName } from '../../emulator/ortto/fields';
import { personProblem, readMergeRequest } from '../../emulator/ortto/merge-request';

const limits = { maxPeople: 2, invalidEmails: ['bad@example.com'], suppressedEmails: [] };

describe('Ortto custom field ids', () => {
  it('kebab-cases the name behind the type prefix', () => {
    expect(kebabName('  Job Title!  ')).toBe('job-title');
    expect(customFieldId('text', 'Job Title')).toBe('str:cm:job-title');
    expect(customFieldId('integer', 'Points')).toBe('int:cm:points');
    expect(customFieldId('bool', 'VIP')).toBe('bol:cm:vip');
    expect(customFieldId('date', 'Renewal')).toBe('dtz:cm:renewal');
    expect(customFieldId('colour', 'x')).toBeUndefined();
  });
});

describe('Ortto field values', () => {
  it.each([
    ['str::first', 'Ann', undefined],
    ['str::first', 'x'.repeat(256), 'str::first is longer than 255 characters'],
    ['str::first', 3, 'str::first takes text'],
    ['bol::p', false, undefined],
    ['bol::p', 'false', 'bol::p takes true or false'],
    ['int:cm:points', 2.5, 'int:cm:points takes a whole number'],
    ['str::last', null, undefined],
    ['geo::city', { name: 'Perth' }, undefined],
  ])('%s = %j → %s', (id, value, problem) => {
    expect(fieldValueProblem(id, value)).toBe(problem);
  });
});

describe('Ortto merge bodies', () => {
  const person = { fields: { 'str::email': 'a@example.com' } };

  it('defaults merge_by to the email and the strategy to overwrite', () => {
    expect(readMergeRequest({ people: [person] }, limits, new Set())).toEqual({
      people: [{ fields: person.fields, tags: [], unsetTags: [] }],
      mergeBy: ['str::email'],
      strategy: 2,
      skipNonExisting: false,
    });
  });

  it('refuses too many people and unknown fields', () => {
    expect(readMergeRequest({ people: [person, person, person] }, limits, new Set())).toMatchObject(
      {
        code: 'bad-request',
      },
    );
    const custom = { fields: { 'str::email': 'a@example.com', 'str:cm:plan': 'gold' } };
    expect(readMergeRequest({ people: [custom] }, limits, new Set())).toMatchObject({
      code: 'invalid-field',
    });
    expect(readMergeRequest({ people: [custom] }, limits, new Set(['str:cm:plan']))).toMatchObject({
      strategy: 2,
    });
  });

  it('names a person invalid for a bad or listed email, or no merge value', () => {
    const read = (fields: Record<string, unknown>) =>
      personProblem({ fields, tags: [], unsetTags: [] }, ['str::email'], limits);
    expect(read({ 'str::email': 'a@example.com' })).toBeUndefined();
    expect(read({ 'str::email': 'a.example.com' })).toMatchObject({ status: 'invalid' });
    expect(read({ 'str::email': 'BAD@example.com' })).toMatchObject({ status: 'invalid' });
    expect(read({ 'str::first': 'Ann' })).toEqual({
      status: 'invalid',
      error: 'no value for str::email',
    });
  });
});
