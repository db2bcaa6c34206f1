import { describe, expect, it } from 'vitest';
import { orttoStandardDescriptions } from '../../core/ortto/ortto-fields';
import { autoMatch } from '../../shared/matching/auto-match';
import { withOrttoKeys } from '../../shared/matching/ortto-field-keys';

describe("auto-matching a file to Ortto's built-in fields", () => {
  it('matches the common headers as it does for Autopilot, with Ortto field ids', () => {
    const columns = [
      'Email',
      'First Name',
      'Last Name',
      'Phone',
      'City',
      'State',
      'Country',
      'ZIP',
      'Company',
    ];
    const mapping = withOrttoKeys(autoMatch(columns));
    expect(mapping.email).toBe('Email');
    expect(mapping.standard).toEqual({
      'str::first': 'First Name',
      'str::last': 'Last Name',
      'phn::phone': 'Phone',
      'geo::city': 'City',
      'geo::region': 'State',
      'geo::country': 'Country',
      'str::postal': 'ZIP',
    });
    // Every key it gives is a field the Ortto destination describes.
    const described = new Set(orttoStandardDescriptions.map((field) => field.key));
    for (const key of Object.keys(mapping.standard)) expect(described.has(key), key).toBe(true);
  });

  it('reads the same names in the other languages', () => {
    const mapping = withOrttoKeys(
      autoMatch(['Correu electrònic', 'Nom', 'Cognoms', 'Codi postal']),
    );
    expect(mapping.standard).toEqual({
      'str::first': 'Nom',
      'str::last': 'Cognoms',
      'str::postal': 'Codi postal',
    });
  });
});
