import { useTranslation } from 'react-i18next';
import type { AutomationRun } from '../../../../shared/model/automation';
import { useNavigation } from '../../app/navigation';
import { useJobs } from '../history/use-jobs';
import { useRunOutcomeText } from './automation-words';

/** How a run ended, in plain words, with a link to the export it made in History. */
export function RunOutcome({ run }: { readonly run: AutomationRun }) {
  const { t } = useTranslation('automation');
  const { navigate } = useNavigation();
  const jobs = useJobs();
  const outcomeText = useRunOutcomeText();
  const job = run.jobId ? jobs.data?.find((item) => item.id === run.jobId) : undefined;
  return (
    <span className="automation-outcome" data-outcome={run.outcome}>
      {outcomeText(run, job)}
      {run.jobId && (
        <>
          {' '}
          <button
            type="button"
            className="history-link"
            onClick={() => navigate({ screen: 'history', jobId: run.jobId ?? undefined })}
          >
            {t('outcome.openJob')}
          </button>
        </>
      )}
    </span>
  );
}
