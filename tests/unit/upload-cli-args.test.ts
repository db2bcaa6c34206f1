import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/command';
import { buildMapping } from '../../cli/push/mapping-args';
import { parseFlags, parseRate } from '../../cli/push/parse-flags';

const columns = ['PrimaryEmail', 'Nom', 'Cognoms', 'Punts', 'Nivell'];
const sample = [['anna@example.cat', 'Anna', 'Puig', '12', 'Or']];

describe('push arguments', () => {
  it('auto-matches like the app, then applies --map overrides', () => {
    expect(buildMapping(columns, sample, [])).toEqual({
      email: 'PrimaryEmail',
      standard: { FirstName: 'Nom', LastName: 'Cognoms' },
      custom: [],
    });
    expect(
      buildMapping(columns, sample, [
        'firstname=Cognoms',
        'custom:integer--Loyalty--Points=Punts',
        'custom:string--Tier=nivell',
      ]),
    ).toEqual({
      email: 'PrimaryEmail',
      standard: { FirstName: 'Cognoms' },
      custom: [
        { name: 'Loyalty Points', type: 'integer', column: 'Punts' },
        { name: 'Tier', type: 'string', column: 'Nivell' },
      ],
    });
  });

  it('refuses overrides that cannot work, saying why', () => {
    expect(() => buildMapping(columns, sample, ['Email=Correu'])).toThrow(/no column "Correu"/);
    expect(() => buildMapping(columns, sample, ['Nickname=Nom'])).toThrow(
      /"Nickname" is not an Autopilot field/,
    );
    expect(() => buildMapping(columns, sample, ['custom:money--Spend=Punts'])).toThrow(
      /custom:<type>--<Name>/,
    );
    expect(() => buildMapping(columns, sample, ['FirstName=PrimaryEmail'])).toThrow(
      /holds the email/,
    );
    expect(() => buildMapping(columns, sample, ['Email'])).toThrow(UsageError);
  });

  it('reads flags in both spellings and rejects unknown ones', () => {
    const flags = parseFlags(['file.csv', '--list=VIP', '--map', 'A=b', '--map', 'C=d', '--json'], {
      list: 'text',
      map: 'repeated',
      json: 'switch',
    });
    expect(flags.positionals).toEqual(['file.csv']);
    expect(flags.text.get('list')).toBe('VIP');
    expect(flags.repeated.get('map')).toEqual(['A=b', 'C=d']);
    expect(flags.switches.has('json')).toBe(true);
    expect(() => parseFlags(['--api-key', 'secret'], { list: 'text' })).toThrow(
      'Unknown option --api-key.',
    );
    expect(() => parseFlags(['--list'], { list: 'text' })).toThrow('--list needs a value.');
    expect(parseRate('2.5')).toBe(2.5);
    expect(() => parseRate('fast')).toThrow(/--rate must be a number/);
  });
});
