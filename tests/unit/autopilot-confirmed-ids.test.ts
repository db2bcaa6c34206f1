// Issue 12, item 5: the bulk upsert's answer must name one contact id per contact sent.
import { describe, expect, it } from 'vitest';
import { readConfirmedContactIds } from '../../core/autopilot/autopilot-wire';

describe('readConfirmedContactIds', () => {
  it('returns the ids when there is one per contact', () => {
    expect(readConfirmedContactIds({ contact_ids: ['person_A', 'person_B'] }, 2)).toEqual([
      'person_A',
      'person_B',
    ]);
  });

  it.each([
    ['an empty body', undefined, 0],
    ['an empty object', {}, 0],
    ['an empty id list', { contact_ids: [] }, 0],
    ['fewer ids', { contact_ids: ['person_A'] }, 1],
    ['more ids than contacts', { contact_ids: ['person_A', 'person_B', 'person_C'] }, 3],
    ['ids that are not strings', { contact_ids: ['person_A', 7] }, 1],
    ['blank ids', { contact_ids: ['person_A', ''] }, 1],
    ['a bare string', 'ok', 0],
  ])('treats %s as a transient fault', (_, body, confirmed) => {
    expect(() => readConfirmedContactIds(body, 2)).toThrow(
      expect.objectContaining({
        kind: 'transient',
        message: expect.stringContaining(`confirmed ${confirmed} of the 2 contacts sent`),
      }),
    );
  });
});
