/**
 * The compliance terms a person reads in the consent dialog before anything is sent, in each
 * language the app speaks and for each kind of destination (issue 17, item 7). The receipt keeps
 * the very words read, with their language and version; the renderer's catalogs hold the same
 * text (tests/unit/exports-rules.test.ts checks they agree).
 */
import type { DestinationService } from './destination-service';

/** Change whenever the terms change in meaning, so a receipt says which words were agreed to. */
export const consentTermsVersion = '2026-12';

export const termsLanguages = ['en', 'ca'] as const;
export type TermsLanguage = (typeof termsLanguages)[number];

const terms: Readonly<Record<TermsLanguage, Readonly<Record<DestinationService, string>>>> = {
  en: {
    autopilot:
      'Sending these contacts moves data, possibly personal and sensitive data, outside the compliance boundary of the system it was exported from. You are responsible for making sure Autopilot meets your privacy and compliance obligations. You can delete the destination at any time to stop using it.',
    ortto:
      'Sending these people moves data, possibly personal and sensitive data, outside the compliance boundary of the system it was exported from. You are responsible for making sure Ortto meets your privacy and compliance obligations. You can delete the destination at any time to stop using it.',
  },
  ca: {
    autopilot:
      "Enviar aquests contactes fa sortir dades, que poden ser personals i sensibles, del perímetre de compliment normatiu del sistema d'on es van exportar. Sou responsables d'assegurar que Autopilot compleix les vostres obligacions de privadesa i de compliment normatiu. Podeu suprimir la destinació en qualsevol moment per deixar de fer-la servir.",
    ortto:
      "Enviar aquestes persones fa sortir dades, possiblement personals i sensibles, del perímetre de compliment normatiu del sistema d'on s'han exportat. Sou responsables d'assegurar que Ortto compleix les vostres obligacions de privadesa i de compliment normatiu. Podeu suprimir la destinació en qualsevol moment per deixar de fer-la servir.",
  },
};

export function consentTermsText(language: TermsLanguage, service: DestinationService): string {
  return terms[language][service];
}
