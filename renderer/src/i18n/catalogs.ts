import appCa from '../app/locales/ca.json';
import appEn from '../app/locales/en.json';

/**
 * Every UI string, by language and feature namespace. Features keep their catalogs beside their
 * code (features/<feature>/locales/{en,ca}.json) and add them here; a test checks that Catalan has
 * every English key.
 */
export const catalogs = {
  en: { app: appEn },
  ca: { app: appCa },
} as const;

export const supportedLanguages = ['en', 'ca'] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];
export const namespaces = Object.keys(catalogs.en) as (keyof (typeof catalogs)['en'])[];
