import { describe, expect, it } from 'vitest';
import { importErrorCodes, otherImportFailureCodes } from '../../core/import/import-error';
import { snapshotErrorCodes } from '../../core/segments/snapshot-paths';
import { automationErrorCodes } from '../../shared/ipc/channels/automation';
import { destinationErrorCodes } from '../../shared/model/destinations';
import { exportErrorCodes } from '../../shared/model/exports';
import { jobErrorCodes } from '../../shared/model/jobs';
import { segmentErrorCodes } from '../../shared/ipc/channels/segments';
import { baseErrorCodes } from '../../shared/ipc/result';
import { catalogs, supportedLanguages } from '../../renderer/src/i18n/catalogs';
import { unknownErrorCode } from '../../renderer/src/i18n/error-text';

/** Every code main can answer with, read from the code tables themselves (not listed by hand). */
const codesMainSends = [
  ...Object.values(baseErrorCodes),
  ...Object.values(destinationErrorCodes),
  ...Object.values(exportErrorCodes),
  ...Object.values(jobErrorCodes),
  ...Object.values(automationErrorCodes),
  ...Object.values(segmentErrorCodes),
  ...importErrorCodes,
  ...otherImportFailureCodes,
  ...snapshotErrorCodes,
];

describe('the error catalog', () => {
  it('reads a real list of codes', () => {
    expect(codesMainSends.length).toBeGreaterThan(80);
    expect(codesMainSends).toContain('archive-too-large');
    expect(codesMainSends).toContain('rejected-api-key');
  });

  it.each(supportedLanguages)('words every code main can send, in "%s"', (language) => {
    const errors: Record<string, string> = catalogs[language].app.errors;
    const missing = codesMainSends.filter((code) => !errors[code]?.trim());
    expect(missing).toEqual([]);
    expect(errors[unknownErrorCode]).toBeTruthy();
  });

  it('has no sentence for a code nobody sends (variants aside)', () => {
    const known = new Set<string>([...codesMainSends, unknownErrorCode]);
    const orphans = Object.keys(catalogs.en.app.errors).filter(
      (key) => !known.has(key.replace(/_[a-z]+$/, '')),
    );
    expect(orphans).toEqual([]);
  });

  it('fills the same facts in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const english: Record<string, string> = catalogs.en.app.errors;
    const catalan: Record<string, string> = catalogs.ca.app.errors;
    for (const [key, text] of Object.entries(english)) {
      expect({ key, facts: placeholders(catalan[key] ?? '') }).toEqual({
        key,
        facts: placeholders(text),
      });
    }
  });
});
