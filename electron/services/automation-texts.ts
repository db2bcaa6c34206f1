/**
 * The OS notification after each automatic run (issue 18, item 4), in English and Catalan like
 * jobs-texts.ts: the run's outcome, and for a stop which guardrail held it back. English uses the
 * run's own sentence, which has the figures; Catalan words the code.
 */
import type { AutomationRun } from '../../shared/model/automation';
import type { MainLanguage } from './jobs-texts';

type Text = { readonly title: string; readonly body: string };

function english(run: AutomationRun): Text {
  const titles: Record<AutomationRun['outcome'], string> = {
    sent: 'Automatic export started',
    'nothing-changed': 'Automatic export: nothing new',
    stopped: 'Automatic export held back',
    failed: 'Automatic export could not run',
  };
  return { title: titles[run.outcome], body: run.message };
}

const catalanStops: Record<string, (name: string) => string> = {
  'guardrail-email-column-lost': (name) =>
    `El fitxer nou de «${name}» no té la columna de l’adreça electrònica, així que no s’ha enviat res.`,
  'guardrail-profile-count-fell': (name) =>
    `El fitxer nou de «${name}» té més d’una cinquena part menys de perfils que l’última vegada, així que no s’ha enviat res.`,
  'guardrail-too-many-removals': (name) =>
    `«${name}» trauria de la llista més d’una cinquena part dels contactes, així que no s’ha enviat res.`,
};

function catalan(run: AutomationRun): Text {
  const name = run.setupName;
  switch (run.outcome) {
    case 'sent':
      return {
        title: 'Exportació automàtica iniciada',
        body: `«${name}» està enviant els contactes nous o canviats.`,
      };
    case 'nothing-changed':
      return {
        title: 'Exportació automàtica: res de nou',
        body: `No ha canviat res a «${name}» des de l’última vegada, així que no s’ha enviat res.`,
      };
    case 'stopped':
      return {
        title: 'Exportació automàtica retinguda',
        body:
          catalanStops[run.code ?? '']?.(name) ??
          `«${name}» no ha passat les comprovacions, així que no s’ha enviat res.`,
      };
    default:
      return {
        title: 'L’exportació automàtica no s’ha pogut fer',
        body: `«${name}» no s’ha pogut executar i no s’ha enviat res. Obriu Segment Courier per veure’n el motiu.`,
      };
  }
}

export function automationNotification(run: AutomationRun, language: MainLanguage): Text {
  return language === 'ca' ? catalan(run) : english(run);
}
