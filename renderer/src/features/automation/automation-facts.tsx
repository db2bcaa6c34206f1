import { useTranslation } from 'react-i18next';
import type { AutomationView } from '../../../../shared/ipc/channels/automation';
import { useJobFormat } from '../history/job-words';
import { useScheduleText } from './automation-words';
import { RunOutcome } from './run-outcome';

/** When it runs: the watched folder and/or the schedule, one line each. */
function TriggerLines({ view }: { readonly view: AutomationView }) {
  const { t } = useTranslation('automation');
  const scheduleText = useScheduleText();
  if (!view.enabled) return <>{t('setup.byHand')}</>;
  return (
    <>
      {view.folder && (
        <span className="automation-line">{t('trigger.watch', { folder: view.folder })}</span>
      )}
      {view.schedule && <span className="automation-line">{scheduleText(view.schedule)}</span>}
    </>
  );
}

/** Where one automation stands: when it runs, the next run, what it waits for, its last run. */
export function AutomationFacts({ view }: { readonly view: AutomationView }) {
  const { t } = useTranslation('automation');
  const format = useJobFormat();
  return (
    <dl className="details">
      <dt>{t('setup.when')}</dt>
      <dd data-field="when">
        <TriggerLines view={view} />
      </dd>
      {view.enabled && view.nextRunAt && (
        <>
          <dt>{t('setup.nextRun')}</dt>
          <dd data-field="next-run">{format.date(view.nextRunAt)}</dd>
        </>
      )}
      {view.waiting && (
        <>
          <dt>{t('setup.waiting')}</dt>
          <dd data-field="waiting">{view.waiting}</dd>
        </>
      )}
      <dt>{t('setup.lastRun')}</dt>
      <dd data-field="last-run">
        {view.lastRun ? (
          <>
            {format.date(view.lastRun.at)}: <RunOutcome run={view.lastRun} />
          </>
        ) : (
          t('setup.neverRun')
        )}
      </dd>
    </dl>
  );
}
