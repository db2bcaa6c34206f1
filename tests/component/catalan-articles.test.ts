import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/src/i18n/i18n';
import { withArticle } from '../../renderer/src/i18n/catalan-articles';

// Issue 17, item 9: "el 1 de des." should read "l'1 de des.".
describe('Catalan articles before a date', () => {
  it('elides before 1 and 11, and keeps "el" before other days', () => {
    expect(withArticle('1 de des. 2026, 9:05', 'el')).toBe("l'1 de des. 2026, 9:05");
    expect(withArticle('11 de març', 'del')).toBe("de l'11 de març");
    expect(withArticle('2 de des.', 'el')).toBe('el 2 de des.');
    expect(withArticle('12 de des.', 'del')).toBe('del 12 de des.');
    expect(withArticle('10 de gen.', 'el')).toBe('el 10 de gen.');
  });

  it('the catalogs use it: History, Export again and Segments', async () => {
    const i18n = await createI18n('ca');
    expect(i18n.t('detail.subtitle', { ns: 'history', date: '1 de des.', destination: 'X' })).toBe(
      "Començada l'1 de des. · a X",
    );
    expect(i18n.t('detail.subtitle', { ns: 'history', date: '2 de des.', destination: 'X' })).toBe(
      'Començada el 2 de des. · a X',
    );
  });
});
