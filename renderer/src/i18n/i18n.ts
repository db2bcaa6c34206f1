import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { atHour, withArticle } from './catalan-articles';
import { catalogs, namespaces, supportedLanguages, type SupportedLanguage } from './catalogs';

const storageKey = 'segment-courier.language';

/** The OS language when we speak it (our first users work in Catalan), else English. */
export function pickLanguage(preferred: readonly string[]): SupportedLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const match = supportedLanguages.find((language) => language === base);
    if (match) return match;
  }
  return 'en';
}

function initialLanguage(): SupportedLanguage {
  const saved = globalThis.localStorage?.getItem(storageKey);
  if (saved) return pickLanguage([saved]);
  return pickLanguage(globalThis.navigator?.languages ?? ['en']);
}

export function rememberLanguage(language: SupportedLanguage): void {
  globalThis.localStorage?.setItem(storageKey, language);
}

export async function createI18n(language: SupportedLanguage = initialLanguage()): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    ns: namespaces,
    defaultNS: 'app',
    resources: catalogs,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance.services.formatter?.add('el', (value: unknown) => withArticle(String(value), 'el'));
  instance.services.formatter?.add('del', (value: unknown) => withArticle(String(value), 'del'));
  instance.services.formatter?.add('at', (value: unknown) => atHour(String(value)));
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = language;
  return instance;
}
