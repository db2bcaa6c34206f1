import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerSignature, mappingForColumns } from '../../core/exports/header-signature';
import { consentTerms } from '../../core/jobs/consent';
import { consentTermsText, termsLanguages } from '../../shared/model/consent-terms';
import { hasMappingProblems, mappingProblems } from '../../shared/model/exports';

const localeOf = async (language: string) =>
  JSON.parse(
    await readFile(
      path.resolve(
        import.meta.dirname,
        `../../renderer/src/features/export/locales/${language}.json`,
      ),
      'utf8',
    ),
  ) as { consent: { terms: string; terms_ortto: string } };

describe('export setup rules', () => {
  it('shows the same compliance words in the dialog as the receipt records', async () => {
    expect((await localeOf('en')).consent.terms).toBe(consentTerms);
    // Each language and each kind, so a receipt records the words its dialog showed (issues 16
    // and 17, item 7).
    for (const language of termsLanguages) {
      const catalog = (await localeOf(language)).consent;
      expect(catalog.terms).toBe(consentTermsText(language, 'autopilot'));
      expect(catalog.terms_ortto).toBe(consentTermsText(language, 'ortto'));
    }
    expect((await localeOf('ca')).consent.terms).not.toBe(consentTerms);
  });

  it('gives files of the same shape the same header signature, whatever the order or case', () => {
    const signature = headerSignature(['Correu electrònic', 'Nom', 'Cognoms']);
    expect(headerSignature(['cognoms', ' NOM ', 'Correu  electrònic'])).toBe(signature);
    expect(headerSignature(['Correu electrònic', 'Nom'])).not.toBe(signature);
    expect(headerSignature(['Correu electrònic', 'Nom', 'Cognoms', 'Punts'])).not.toBe(signature);
    expect(signature).toMatch(/^h1-[0-9a-f]{32}$/);
  });

  it("carries a matching over to another file's spelling of the columns", () => {
    const mapping = {
      email: 'Email',
      standard: { FirstName: 'First Name' },
      custom: [{ name: 'Tier', type: 'string' as const, column: 'tier' }],
    };
    expect(mappingForColumns(mapping, ['EMAIL', 'first name', 'Tier'])).toEqual({
      email: 'EMAIL',
      standard: { FirstName: 'first name' },
      custom: [{ name: 'Tier', type: 'string', column: 'Tier' }],
    });
    expect(mappingForColumns(mapping, ['EMAIL', 'first name'])).toBeUndefined();
  });

  it('finds an unmatched email, a column feeding two fields, a custom field twice', () => {
    const fine = { email: 'E', standard: { FirstName: 'F' }, custom: [] };
    expect(hasMappingProblems(mappingProblems(fine))).toBe(false);
    expect(mappingProblems({ ...fine, email: '' }).emailMissing).toBe(true);
    expect(mappingProblems({ ...fine, standard: { FirstName: 'E' } }).sharedColumns).toEqual(['E']);
    const twice = {
      ...fine,
      custom: [
        { name: 'Tier', type: 'string' as const, column: 'A' },
        { name: 'tier', type: 'integer' as const, column: 'B' },
      ],
    };
    expect(mappingProblems(twice).repeatedCustomFields).toEqual(['tier']);
  });
});
