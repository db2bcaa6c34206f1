import { describe, expect, it } from 'vitest';
import { mainText, mainTexts, quitDialogText } from '../../electron/i18n/main-texts';

const factsOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("main's own words", () => {
  it('has the same sentences in English and Catalan, none left empty', () => {
    expect(Object.keys(mainTexts.ca).sort()).toEqual(Object.keys(mainTexts.en).sort());
    for (const table of Object.values(mainTexts)) {
      for (const text of Object.values(table)) expect(text.trim()).not.toBe('');
    }
  });

  it('fills in the same facts in both languages', () => {
    for (const [key, english] of Object.entries(mainTexts.en)) {
      const catalan = mainTexts.ca[key as keyof typeof mainTexts.ca];
      expect({ key, facts: factsOf(catalan) }).toEqual({ key, facts: factsOf(english) });
    }
  });

  it('writes numbers as the language does, and leaves an unknown fact visible', () => {
    expect(mainText('en', 'quitMessageMany', { running: 1234 })).toBe('1,234 exports are running.');
    expect(mainText('ca', 'quitMessageMany', { running: 1234 })).toBe(
      'Hi ha 1.234 exportacions en curs.',
    );
    expect(mainText('en', 'quitMessageMany')).toBe('{running} exports are running.');
  });

  it('asks the quit question in the chosen language', () => {
    expect(quitDialogText('ca', 2)).toMatchObject({
      message: 'Hi ha 2 exportacions en curs.',
      keep: 'Continua exportant',
      quit: 'Surt',
    });
    expect(quitDialogText('en', 1).detail).toMatch(/^If you quit now/);
  });
});
