import { describe, expect, it } from 'vitest';
import { convertValue } from '../../core/upload/value-conversion';

function value(text: string, type: Parameters<typeof convertValue>[1]) {
  const result = convertValue(text, type);
  return result.ok ? result.value : `error: ${result.reason}`;
}

describe('custom field values', () => {
  it('reads whole numbers with grouping marks of either locale', () => {
    expect(value('42', 'integer')).toBe(42);
    expect(value('-7', 'integer')).toBe(-7);
    expect(value('1.234.567', 'integer')).toBe(1234567);
    expect(value('1,234,567', 'integer')).toBe(1234567);
    expect(value('1 234', 'integer')).toBe(1234);
    expect(value('1.000', 'integer')).toBe(1000);
    expect(value('12,0', 'integer')).toBe(12);
    expect(value('3,5', 'integer')).toMatch(/^error: "3,5" is not a whole number/);
    expect(value('many', 'integer')).toMatch(/^error:/);
  });

  it('reads decimal commas and decimal points', () => {
    expect(value('3,14', 'float')).toBe(3.14);
    expect(value('3.14', 'float')).toBe(3.14);
    expect(value('1.234,5', 'float')).toBe(1234.5);
    expect(value('1,234.5', 'float')).toBe(1234.5);
    expect(value('1e3', 'float')).toBe(1000);
    expect(value('1,2,3', 'float')).toMatch(/^error: "1,2,3" is not a number/);
    expect(value('€5', 'float')).toMatch(/^error:/);
  });

  it('reads yes and no in the users’ languages', () => {
    for (const word of ['yes', 'Sí', 'si', 'TRUE', '1', 'oui', 'ja', 'x']) {
      expect(value(word, 'boolean')).toBe(true);
    }
    for (const word of ['no', 'False', '0', 'non', 'nein']) {
      expect(value(word, 'boolean')).toBe(false);
    }
    expect(value('maybe', 'boolean')).toMatch(/^error: "maybe" is not yes or no/);
  });

  it('writes dates as ISO 8601, day first unless only month first fits', () => {
    expect(value('2024-02-29', 'date')).toBe('2024-02-29');
    expect(value('01/02/2024', 'date')).toBe('2024-02-01');
    expect(value('31.12.2023', 'date')).toBe('2023-12-31');
    expect(value('12/31/2023', 'date')).toBe('2023-12-31');
    expect(value('2024-03-01 10:30', 'date')).toBe('2024-03-01T10:30:00.000Z');
    expect(value('2024-03-01T10:30:00+02:00', 'date')).toBe('2024-03-01T08:30:00.000Z');
    expect(value('30/02/2024', 'date')).toMatch(/^error: "30\/02\/2024" is not a date/);
    expect(value('next week', 'date')).toMatch(/^error:/);
  });

  it('keeps text as it is', () => {
    expect(value('=1+1', 'string')).toBe('=1+1');
  });
});
