import { describe, expect, it } from 'vitest';
import { compileContactBuilder, MappingError } from '../../core/upload/contact-builder';

const columns = ['E-mail', 'Nom', 'Cognoms', 'Punts', 'VIP', 'Alta'];
const mapping = {
  email: 'E-mail',
  standard: { FirstName: 'Nom', LastName: 'Cognoms' },
  custom: [
    { name: 'Loyalty Points', type: 'integer' as const, column: 'Punts' },
    { name: 'VIP', type: 'boolean' as const, column: 'VIP' },
    { name: 'Signed Up', type: 'date' as const, column: 'Alta' },
  ],
};

describe('building contacts from a mapping', () => {
  const build = compileContactBuilder(columns, mapping);

  it('converts typed fields and trims the email', () => {
    expect(
      build([' Anna.Puig@Example.cat\u00a0', 'Anna', 'Puig', '1.200', 'sí', '03/04/2024']),
    ).toEqual({
      kind: 'contact',
      key: 'anna.puig@example.cat',
      contact: {
        email: 'Anna.Puig@Example.cat',
        standard: { FirstName: 'Anna', LastName: 'Puig' },
        custom: [
          { name: 'Loyalty Points', type: 'integer', value: 1200 },
          { name: 'VIP', type: 'boolean', value: true },
          { name: 'Signed Up', type: 'date', value: '2024-04-03' },
        ],
      },
      misfits: [],
    });
  });

  it('never sends empty cells, so they cannot blank data in Autopilot', () => {
    const built = build(['joan@example.cat', '', '  ', '', '', '']);
    expect(built).toEqual({
      kind: 'contact',
      key: 'joan@example.cat',
      contact: { email: 'joan@example.cat', standard: {}, custom: [] },
      misfits: [],
    });
  });

  it('treats a short row as empty cells', () => {
    expect(build(['joan@example.cat', 'Joan'])).toMatchObject({
      kind: 'contact',
      contact: { standard: { FirstName: 'Joan' }, custom: [] },
    });
  });

  it('fails rows with no usable email, saying why', () => {
    expect(build(['', 'Anna'])).toEqual({
      kind: 'invalid',
      email: '',
      reason: 'The email address is empty.',
    });
    expect(build(['anna@@example', 'Anna'])).toMatchObject({
      kind: 'invalid',
      reason: 'The email address is not valid.',
    });
  });

  // Issue 17, item 1: two "n/a" in an integer field used to drop two contacts with valid emails.
  it('sends the contact without a value that does not fit, and says which and why', () => {
    expect(build(['anna@example.cat', 'Anna', 'Puig', 'n/a', 'potser', '2024-02-30'])).toEqual({
      kind: 'contact',
      key: 'anna@example.cat',
      contact: {
        email: 'anna@example.cat',
        standard: { FirstName: 'Anna', LastName: 'Puig' },
        custom: [],
      },
      misfits: [
        {
          field: 'Loyalty Points',
          column: 'Punts',
          type: 'integer',
          value: 'n/a',
          reason: '"n/a" is not a whole number',
        },
        {
          field: 'VIP',
          column: 'VIP',
          type: 'boolean',
          value: 'potser',
          reason: '"potser" is not yes or no',
        },
        {
          field: 'Signed Up',
          column: 'Alta',
          type: 'date',
          value: '2024-02-30',
          reason: '"2024-02-30" is not a date',
        },
      ],
    });
  });

  it('matches column names loosely and rejects a mapping to a missing column', () => {
    expect(() =>
      compileContactBuilder(['email'], { email: 'Email', standard: {}, custom: [] }),
    ).not.toThrow();
    expect(() => compileContactBuilder(columns, { ...mapping, email: 'Correu' })).toThrow(
      MappingError,
    );
    expect(() => compileContactBuilder(columns, { ...mapping, email: 'Correu' })).toThrow(
      /no column named "Correu"/,
    );
  });
});
