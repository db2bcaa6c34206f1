import appCa from '../app/locales/ca.json';
import appEn from '../app/locales/en.json';
import automationCa from '../features/automation/locales/ca.json';
import automationEn from '../features/automation/locales/en.json';
import destinationsCa from '../features/destinations/locales/ca.json';
import destinationsEn from '../features/destinations/locales/en.json';
import exportCa from '../features/export/locales/ca.json';
import exportEn from '../features/export/locales/en.json';
import historyCa from '../features/history/locales/ca.json';
import historyEn from '../features/history/locales/en.json';
import segmentsCa from '../features/segments/locales/ca.json';
import segmentsEn from '../features/segments/locales/en.json';

/**
 * Every UI string, by language and feature namespace. Features keep their catalogs beside their
 * code (features/<feature>/locales/{en,ca}.json) and add them here; a test checks that Catalan has
 * every English key.
 */
export const catalogs = {
  en: {
    app: appEn,
    destinations: destinationsEn,
    segments: segmentsEn,
    export: exportEn,
    history: historyEn,
    automation: automationEn,
  },
  ca: {
    app: appCa,
    destinations: destinationsCa,
    segments: segmentsCa,
    export: exportCa,
    history: historyCa,
    automation: automationCa,
  },
} as const;

export const supportedLanguages = ['en', 'ca'] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];
export const namespaces = Object.keys(catalogs.en) as (keyof (typeof catalogs)['en'])[];
