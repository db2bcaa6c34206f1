// OutgoingContact → Autopilot's wire contact: field names, custom keys, types and the list id.
import { describe, expect, it } from 'vitest';
import {
  buildAutopilotContact,
  coerceValue,
  customFieldKey,
  parseCustomFieldKey,
} from '../../core/autopilot/contact-builder';
import { standardFields, findStandardField } from '../../core/destination-port/standard-fields';

describe('custom field keys', () => {
  it('write `type--Field--Name`, each space becoming `--`', () => {
    expect(customFieldKey('string', 'Test Field')).toBe('string--Test--Field');
    expect(customFieldKey('integer', ' Loyalty  Points ')).toBe('integer--Loyalty----Points');
    expect(customFieldKey('boolean', 'VIP')).toBe('boolean--VIP');
  });

  it('read back into type and name, rejecting unknown types', () => {
    expect(parseCustomFieldKey('string--Test--Field')).toEqual({
      type: 'string',
      name: 'Test Field',
    });
    expect(parseCustomFieldKey('date--Signed--Up')).toEqual({ type: 'date', name: 'Signed Up' });
    expect(parseCustomFieldKey('colour--Eyes')).toBeUndefined();
    expect(parseCustomFieldKey('NoPrefix')).toBeUndefined();
    expect(parseCustomFieldKey('string--')).toBeUndefined();
  });
});

describe('coerceValue', () => {
  it('turns clean numeric and boolean text into JSON numbers and booleans', () => {
    expect(coerceValue('integer', ' 250 ')).toBe(250);
    expect(coerceValue('integer', '2.5')).toBe('2.5');
    expect(coerceValue('float', '2.5')).toBe(2.5);
    expect(coerceValue('float', '')).toBe('');
    expect(coerceValue('boolean', 'TRUE')).toBe(true);
    expect(coerceValue('boolean', 'yes')).toBe('yes');
    expect(coerceValue('string', '007')).toBe('007');
    expect(coerceValue('integer', 12)).toBe(12);
  });
});

describe('buildAutopilotContact', () => {
  it('builds Email, standard keys, custom keys and `_autopilot_list`', () => {
    const wire = buildAutopilotContact(
      {
        email: 'ana@example.com',
        standard: { FirstName: 'Ana', NumberOfEmployees: '40', Phone: '+34 600 000 000' },
        custom: [
          { name: 'Loyalty Tier', type: 'string', value: 'Gold' },
          { name: 'Score', type: 'integer', value: '9' },
        ],
      },
      'contactlist_ABC',
    );
    expect(wire).toEqual({
      Email: 'ana@example.com',
      FirstName: 'Ana',
      NumberOfEmployees: 40,
      Phone: '+34 600 000 000',
      custom: { 'string--Loyalty--Tier': 'Gold', 'integer--Score': 9 },
      _autopilot_list: 'contactlist_ABC',
    });
  });

  it('leaves out `custom` and the list when there are none, and never lets a mapping set control keys', () => {
    const wire = buildAutopilotContact({
      email: 'real@example.com',
      standard: {
        Email: 'other@example.com',
        _autopilot_list: 'x',
        notify: false,
        LastName: 'Puig',
      },
      custom: [],
    });
    expect(wire).toEqual({ Email: 'real@example.com', LastName: 'Puig' });
  });
});

describe('standard fields', () => {
  it('lists the documented keys once each, NumberOfEmployees as an integer', () => {
    const keys = standardFields.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining(['Email', 'FirstName', 'LastName', 'MailingPostalCode', 'owner_name']),
    );
    expect(keys).toHaveLength(22);
    expect(findStandardField('NumberOfEmployees')?.type).toBe('integer');
    expect(standardFields.filter((field) => field.type !== 'string')).toHaveLength(1);
  });
});
