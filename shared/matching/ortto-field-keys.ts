/**
 * Ortto's built-in field ids for the standard fields auto-matching knows by their Autopilot keys
 * (ortto-api.md, Field ids), so the same header names (First Name, Phone, City, Postcode, ...)
 * match Ortto's fields too. Fields Ortto has no built-in for are left out: they match nothing and
 * the marketer can map them to a custom field.
 */
import type { FieldMapping } from './field-mapping';

export const orttoKeyOfStandard: Readonly<Record<string, string>> = {
  FirstName: 'str::first',
  LastName: 'str::last',
  Phone: 'phn::phone',
  MailingCity: 'geo::city',
  MailingCountry: 'geo::country',
  MailingState: 'geo::region',
  MailingPostalCode: 'str::postal',
};

/**
 * An auto-matched mapping (auto-match.ts, Autopilot keys) with Ortto's field ids: the same
 * columns, keys translated, fields Ortto has no built-in for dropped (the column stays free).
 */
export function withOrttoKeys(mapping: FieldMapping): FieldMapping {
  const standard: Record<string, string> = {};
  for (const [key, column] of Object.entries(mapping.standard)) {
    const ortto = orttoKeyOfStandard[key];
    if (ortto !== undefined) standard[ortto] = column;
  }
  return { ...mapping, standard };
}
