/**
 * The OS notification after each automatic run (issue 18, item 4), from main's catalog
 * (electron/i18n/main-texts.ts): the run's outcome, and for a stop which guardrail held it back.
 * In English a stop or failure shows the run's own sentence, which carries the figures.
 */
import type { AutomationRun } from '../../shared/model/automation';
import { mainText, type MainLanguage, type MainTextKey } from '../i18n/main-texts';

type Text = { readonly title: string; readonly body: string };

const stopSentences: Readonly<Record<string, MainTextKey>> = {
  'guardrail-email-column-lost': 'automaticEmailColumnLost',
  'guardrail-profile-count-fell': 'automaticProfileCountFell',
  'guardrail-too-many-removals': 'automaticTooManyRemovals',
};

const outcomeKeys: Readonly<Record<AutomationRun['outcome'], [MainTextKey, MainTextKey]>> = {
  sent: ['automaticSentTitle', 'automaticSentBody'],
  'nothing-changed': ['automaticNothingTitle', 'automaticNothingBody'],
  stopped: ['automaticStoppedTitle', 'automaticStoppedBody'],
  failed: ['automaticFailedTitle', 'automaticFailedBody'],
};

function bodyKey(run: AutomationRun): MainTextKey {
  const [, body] = outcomeKeys[run.outcome];
  return (run.outcome === 'stopped' && stopSentences[run.code ?? '']) || body;
}

export function automationNotification(run: AutomationRun, language: MainLanguage): Text {
  const [titleKey] = outcomeKeys[run.outcome];
  const ownSentence = language === 'en' && (run.outcome === 'stopped' || run.outcome === 'failed');
  return {
    title: mainText(language, titleKey),
    body: ownSentence ? run.message : mainText(language, bodyKey(run), { name: run.setupName }),
  };
}
