import { describe, expect, it } from 'vitest';
import { buildAutopilotContact } from '../../core/autopilot/contact-builder';
import { selectRows, type SegmentRows, type SkippedRow } from '../../core/upload/batch-source';
import { compileContactBuilder } from '../../core/upload/contact-builder';
import { readConsent } from '../../core/upload/value-conversion';
import type { FieldMapping, OptedOutChoice } from '../../shared/matching/field-mapping';

const columns = ['Email', 'Nom', 'Accepta correus'];

function mapping(optedOut: OptedOutChoice): FieldMapping {
  return {
    email: 'Email',
    standard: { FirstName: 'Nom' },
    custom: [],
    emailConsent: { column: 'Accepta correus', optedOut },
  };
}

function source(rows: string[][], optedOut: OptedOutChoice): SegmentRows {
  return {
    columns,
    mapping: mapping(optedOut),
    rowCount: rows.length,
    async *rows() {
      for (const [index, cells] of rows.entries()) yield { line: index + 2, cells };
    },
  };
}

describe('the column "Agreed to receive email"', () => {
  it('reads yes and no in the five languages, booleans and dates', () => {
    for (const yes of ['Yes', 'sí', 'Si', 'oui', 'ja', 'TRUE', '1', 'opted in', '2024-03-01']) {
      expect(readConsent(yes), yes).toBe('yes');
    }
    for (const no of ['No', 'non', 'nein', 'FALSE', '0', 'fals', 'unsubscribed', 'baixa']) {
      expect(readConsent(no), no).toBe('no');
    }
    expect(readConsent('potser')).toBeUndefined();
  });

  it('leaves out the rows that say no by default, counted with their own reason', async () => {
    const skipped: SkippedRow[] = [];
    const rows = [
      ['anna@example.cat', 'Anna', 'sí'],
      ['pau@example.cat', 'Pau', 'no'],
      // The first row of an email decides: a later "yes" cannot send an opted-out person.
      ['PAU@example.cat', 'Pau', 'sí'],
      ['joan@example.cat', 'Joan', ''],
    ];
    const selection = await selectRows(source(rows, 'leave-out'), (row) => skipped.push(row));
    expect([0, 1, 2, 3].map((row) => selection.has(row))).toEqual([true, false, false, true]);
    expect(skipped.map(({ line, kind }) => ({ line, kind }))).toEqual([
      { line: 3, kind: 'opted-out' },
      { line: 4, kind: 'duplicate' },
    ]);
  });

  it('sends them suppressed when chosen, and never sends a permission for the others', () => {
    const build = compileContactBuilder(columns, mapping('unsubscribe'));
    const wire = (cells: string[]) => {
      const built = build(cells);
      if (built.kind !== 'contact') throw new Error(`not a contact: ${built.kind}`);
      return buildAutopilotContact(built.contact, 'contactlist_1');
    };
    expect(wire(['pau@example.cat', 'Pau', 'No'])).toMatchObject({ unsubscribed: true });
    expect(wire(['anna@example.cat', 'Anna', 'yes'])).not.toHaveProperty('unsubscribed');
    expect(wire(['joan@example.cat', 'Joan', ''])).not.toHaveProperty('unsubscribed');
    const unreadable = build(['rosa@example.cat', 'Rosa', 'potser']);
    expect(unreadable).toMatchObject({
      kind: 'contact',
      misfits: [{ field: 'EmailConsent', value: 'potser', reason: '"potser" is not yes or no' }],
    });
    if (unreadable.kind === 'contact') {
      expect(buildAutopilotContact(unreadable.contact)).not.toHaveProperty('unsubscribed');
    }
  });

  it("carries the row's answer as the email permission, and none for an empty or unreadable cell", () => {
    const build = compileContactBuilder(columns, mapping('unsubscribe'));
    const permission = (cells: string[]) => {
      const built = build(cells);
      return built.kind === 'contact' ? built.contact.emailPermission : built.kind;
    };
    expect(permission(['anna@example.cat', 'Anna', 'sí'])).toBe(true);
    expect(permission(['pau@example.cat', 'Pau', 'No'])).toBe(false);
    expect(permission(['joan@example.cat', 'Joan', ''])).toBeUndefined();
    expect(permission(['rosa@example.cat', 'Rosa', 'potser'])).toBeUndefined();
    const withoutColumn = compileContactBuilder(columns, {
      ...mapping('leave-out'),
      emailConsent: undefined,
    });
    const built = withoutColumn(['anna@example.cat', 'Anna', 'sí']);
    expect(built.kind === 'contact' && built.contact).not.toHaveProperty('emailPermission');
  });

  it('changes nobody when no column is matched to it', () => {
    const build = compileContactBuilder(columns, {
      ...mapping('leave-out'),
      emailConsent: undefined,
    });
    const built = build(['pau@example.cat', 'Pau', 'no']);
    expect(built.kind).toBe('contact');
    if (built.kind === 'contact') {
      expect(buildAutopilotContact(built.contact)).not.toHaveProperty('unsubscribed');
    }
  });
});
