import { describe, expect, it } from 'vitest';
import { orttoStandardDescriptions } from '../../core/ortto/ortto-fields';
import { personFields } from '../../core/ortto/ortto-wire';
import { autoMatch } from '../../shared/matching/auto-match';

const described = new Set(orttoStandardDescriptions.map((field) => field.key));

describe("auto-matching a file to Ortto's built-in fields", () => {
  it('matches the common headers to fields the Ortto destination describes, sent as Ortto ids', () => {
    const columns = [
      'Email',
      'First Name',
      'Last Name',
      'Phone',
      'City',
      'State',
      'Country',
      'ZIP',
    ];
    const mapping = autoMatch(columns);
    expect(mapping.email).toBe('Email');
    // One mapping for both kinds of destination: the keys are the shared standard keys, and
    // every one is a field Ortto describes, so the matching table shows them matched.
    expect(Object.keys(mapping.standard).sort()).toEqual(
      [
        'FirstName',
        'LastName',
        'MailingCity',
        'MailingCountry',
        'MailingPostalCode',
        'MailingState',
        'Phone',
      ].sort(),
    );
    for (const key of Object.keys(mapping.standard)) expect(described.has(key), key).toBe(true);

    const standard = Object.fromEntries(
      Object.entries(mapping.standard).map(([key, column]) => [key, `value of ${column}`]),
    );
    expect(
      personFields({ email: 'anna@girona.cat', standard, custom: [] }, new Map(), true),
    ).toEqual({
      'str::email': 'anna@girona.cat',
      'str::first': 'value of First Name',
      'str::last': 'value of Last Name',
      'phn::phone': { phone: 'value of Phone', parse_with_country_code: true },
      'geo::city': { name: 'value of City' },
      'geo::region': { name: 'value of State' },
      'geo::country': { name: 'value of Country' },
      'str::postal': 'value of ZIP',
      'bol::p': true,
    });
  });

  it('reads the same names in the other languages, and takes Ortto ids typed as such', () => {
    const mapping = autoMatch(['Correu electrònic', 'Nom', 'Cognoms', 'Codi postal']);
    expect(mapping.standard).toEqual({
      FirstName: 'Nom',
      LastName: 'Cognoms',
      MailingPostalCode: 'Codi postal',
    });
    const typed = {
      email: 'a@b.cat',
      standard: { 'str::first': 'Nia', Company: 'Cal Pep' },
      custom: [],
    };
    // A key Ortto has no built-in for (Company) is not sent: the marketer maps it to a custom field.
    expect(personFields(typed, new Map(), undefined)).toEqual({
      'str::email': 'a@b.cat',
      'str::first': 'Nia',
    });
  });
});
