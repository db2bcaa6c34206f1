import { useTranslation } from 'react-i18next';
import { useJobFormat } from '../history/job-words';
import { useErrorText } from '../../i18n/error-text';
import { useTriggerText } from './automation-words';
import { RunOutcome } from './run-outcome';
import { useAutomationRuns } from './use-automation';

/** Every automatic run, newest first: when, which setup, what set it off, and how it ended. */
export function RunsList() {
  const { t } = useTranslation('automation');
  const runs = useAutomationRuns();
  const format = useJobFormat();
  const triggerText = useTriggerText();
  const errorText = useErrorText();
  return (
    <section className="automation-runs card" aria-labelledby="automation-runs-title">
      <h2 id="automation-runs-title">{t('runs.title')}</h2>
      {runs.isError && (
        <p role="alert" className="message-error">
          {t('runs.loadError', { message: errorText(runs.error) })}
        </p>
      )}
      {runs.isSuccess && runs.data.length === 0 && <p>{t('runs.empty')}</p>}
      {runs.isSuccess && runs.data.length > 0 && (
        <ul className="automation-run-list" aria-label={t('runs.label')}>
          {runs.data.map((run) => (
            <li key={run.id} data-run-id={run.id}>
              <span className="automation-run-when">
                {t('runs.item', {
                  date: format.date(run.at),
                  setup: run.setupName,
                  trigger: triggerText(run.trigger),
                })}
              </span>
              <RunOutcome run={run} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
