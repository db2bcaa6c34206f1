import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useTriggerText } from '../automation/automation-words';
import { ConsentReceipt } from './consent-receipt';
import { useErrorText } from '../../i18n/error-text';
import { JobControls } from './job-controls';
import { JobEndPanel } from './job-end-panel';
import { JobProgressPanel } from './job-progress-panel';
import { useServiceLabel } from '../../app/service-label';
import { jobService, useJobFormat } from './job-words';
import { useJob } from './use-jobs';

/** One export: live progress and controls while it runs; summary, report and retry once it stops. */
export function JobDetailView({ jobId }: { readonly jobId: string }) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  const errorText = useErrorText();
  const { navigate } = useNavigation();
  const job = useJob(jobId);
  const serviceLabel = useServiceLabel();
  const triggerText = useTriggerText();
  const names = job.data?.segments.map((segment) => `“${segment.name}”`).join(', ') ?? '';

  return (
    <section className="screen history-screen" aria-labelledby="history-detail-title">
      <button
        type="button"
        className="history-back"
        onClick={() => navigate({ screen: 'history' })}
      >
        ← {t('actions.back')}
      </button>
      <h1 id="history-detail-title" tabIndex={-1}>
        {job.data ? t('detail.title', { segments: names }) : t('title')}
      </h1>
      {job.isPending && <p>{t('detail.loading')}</p>}
      {job.isError && (
        <p role="alert" className="message-error">
          {t('detail.loadError', { message: errorText(job.error) })}
        </p>
      )}
      {job.data && (
        <>
          <p className="screen-intro">
            {t('detail.subtitle', {
              date: format.date(job.data.createdAt),
              destination: job.data.destination.name,
              context: jobService(job.data),
              service: serviceLabel(jobService(job.data), job.data.consent.destination.region),
            })}
          </p>
          {job.data.trigger && (
            <p className="history-link-line" data-trigger={job.data.trigger.kind}>
              {triggerText(job.data.trigger)}
            </p>
          )}
          {job.data.retryOf && (
            <p className="history-link-line">
              {t('detail.retryOf')}{' '}
              <button
                type="button"
                className="history-link"
                onClick={() =>
                  navigate({ screen: 'history', jobId: job.data.retryOf ?? undefined })
                }
              >
                {t('actions.openOriginal')}
              </button>
            </p>
          )}
          {job.data.retry.retriedBy && (
            <p className="history-link-line">
              {t('detail.retriedBy')}{' '}
              <button
                type="button"
                className="history-link"
                onClick={() =>
                  navigate({ screen: 'history', jobId: job.data.retry.retriedBy ?? undefined })
                }
              >
                {t('actions.openRetry')}
              </button>
            </p>
          )}
          <JobProgressPanel job={job.data} />
          <JobControls job={job.data} />
          <JobEndPanel job={job.data} />
          <ConsentReceipt consent={job.data.consent} />
        </>
      )}
    </section>
  );
}
