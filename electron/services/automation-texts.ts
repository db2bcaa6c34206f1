/**
 * The OS notification after each automatic run (issue 18, item 4), in the words of main's one
 * catalog (electron/i18n/main-texts.ts): the outcome, and for a stop which guardrail held it back.
 * The figures are in the run's own sentence, which History and the screen show.
 */
import type { AutomationRun } from '../../shared/model/automation';
import { mainText, type MainLanguage, type MainTextKey } from '../i18n/main-texts';

const titles: Readonly<Record<AutomationRun['outcome'], MainTextKey>> = {
  sent: 'automationSentTitle',
  'nothing-changed': 'automationNothingTitle',
  stopped: 'automationStoppedTitle',
  failed: 'automationFailedTitle',
};

const stopBodies: Readonly<Record<string, MainTextKey>> = {
  'guardrail-email-column-lost': 'automationEmailColumnLostBody',
  'guardrail-profile-count-fell': 'automationProfileCountFellBody',
  'guardrail-too-many-removals': 'automationTooManyRemovalsBody',
};

function bodyKey(run: AutomationRun): MainTextKey {
  switch (run.outcome) {
    case 'sent':
      return 'automationSentBody';
    case 'nothing-changed':
      return 'automationNothingBody';
    case 'stopped':
      return stopBodies[run.code ?? ''] ?? 'automationStoppedBody';
    default:
      return 'automationFailedBody';
  }
}

export function automationNotification(
  run: AutomationRun,
  language: MainLanguage,
): { readonly title: string; readonly body: string } {
  return {
    title: mainText(language, titles[run.outcome]),
    body: mainText(language, bodyKey(run), { setup: run.setupName }),
  };
}
