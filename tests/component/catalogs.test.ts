import { describe, expect, it } from 'vitest';
import { catalogs, namespaces } from '../../renderer/src/i18n/catalogs';
import { pickLanguage } from '../../renderer/src/i18n/i18n';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    keysOf(inner, prefix ? `${prefix}.${key}` : key),
  );
}

describe('translation catalogs', () => {
  it.each(namespaces)('Catalan has every English key in "%s", and no other', (namespace) => {
    const english = keysOf(catalogs.en[namespace]).sort();
    const catalan = keysOf(catalogs.ca[namespace]).sort();
    expect(catalan).toEqual(english);
  });

  it.each(namespaces)('no string in "%s" is left empty', (namespace) => {
    for (const language of ['en', 'ca'] as const) {
      const flat = JSON.stringify(catalogs[language][namespace]);
      expect(flat).not.toContain('""');
    }
  });

  it('follows the OS language when we speak it', () => {
    expect(pickLanguage(['ca-ES', 'es-ES'])).toBe('ca');
    expect(pickLanguage(['es-ES', 'ca'])).toBe('ca');
    expect(pickLanguage(['de-DE'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});
