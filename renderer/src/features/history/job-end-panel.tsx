import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobDetail } from '../../../../shared/model/jobs';
import { useNavigation } from '../../app/navigation';
import { ConfirmDialog } from '../../app/confirm-dialog';
import { useErrorText } from '../../i18n/error-text';
import { retryShare } from './job-numbers';
import { SyncSummary } from './sync-summary';
import { jobService, useJobFormat } from './job-words';
import { useRetryFailed, useSaveReport } from './use-jobs';

function Summary({ job }: { job: JobDetail }) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  const { counts } = job;
  // Rows left out because they did not agree to receive email are the rows no other reason
  // covers (issue 17, item 4); each reason is labelled as itself.
  const optedOut = Math.max(0, counts.rows - counts.valid - counts.invalid - counts.duplicates);
  const retried = retryShare(job);
  // What was never sent (a cancelled export) or is still to send (a paused one), by itself.
  const unsentKey = job.status === 'cancelled' ? 'unsent' : 'unsentPaused';
  const rows: [string, string][] = [
    ['valid', format.number(job.counts.valid)],
    ['succeeded', format.number(job.counts.succeeded)],
    ...(retried ? [['byRetry', format.number(retried.delivered)] as [string, string]] : []),
    ['refused', format.number(job.counts.refused)],
    ['givenUp', format.number(job.counts.givenUp - (retried?.delivered ?? 0))],
    ...(counts.unsent > 0 ? [[unsentKey, format.number(counts.unsent)] as [string, string]] : []),
    ['invalid', format.number(job.counts.invalid)],
    ['duplicates', format.number(job.counts.duplicates)],
    ...(optedOut > 0 ? [['optedOut', format.number(optedOut)] as [string, string]] : []),
    ['duration', format.duration(job.elapsedMs)],
  ];
  return (
    <dl className="details history-summary">
      {rows.map(([key, value]) => (
        <div key={key} data-summary={key}>
          <dt>
            {t(`summary.${key}`, {
              context: jobService(job),
              date: retried ? format.date(retried.at) : '',
            })}
          </dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RetryDialog({ job, onClose }: { job: JobDetail; onClose: () => void }) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  const errorText = useErrorText();
  const retry = useRetryFailed();
  const { navigate } = useNavigation();
  return (
    <ConfirmDialog
      title={t('retryDialog.title', {
        count: job.retry.retryable,
        n: format.number(job.retry.retryable),
      })}
      keepLabel={t('retryDialog.keep')}
      confirmLabel={t('retryDialog.confirm')}
      pendingLabel={t('retryDialog.working')}
      pending={retry.isPending}
      error={retry.error ? errorText(retry.error) : undefined}
      onCancel={onClose}
      onConfirm={() => {
        retry.mutateAsync(job.id).then(
          (created) => navigate({ screen: 'history', jobId: created.jobId }),
          () => undefined, // shown in the dialog from retry.error
        );
      }}
    >
      <p>
        {t('retryDialog.body', {
          destination: job.destination.name,
          fields: job.consent.fields.join(', '),
        })}
      </p>
      <p>{t('retryDialog.boundary', { date: format.date(job.consent.confirmedAt) })}</p>
    </ConfirmDialog>
  );
}

/** A stopped or finished export: its summary, the report to save, retry, and export again. */
export function JobEndPanel({ job }: { readonly job: JobDetail }) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  const errorText = useErrorText();
  const save = useSaveReport();
  const { navigate } = useNavigation();
  const [retrying, setRetrying] = useState(false);
  if (job.running) return null;
  const saved = save.data?.saved ? save.data : null;

  return (
    <section className="history-end card" aria-labelledby={`${job.id}-summary`}>
      <h2 id={`${job.id}-summary`}>{t('summary.title')}</h2>
      {job.status !== 'ready' && <Summary job={job} />}
      {job.status !== 'ready' && <SyncSummary job={job} />}
      {job.retry.retryable > 0 && job.retry.available && (
        <p className="history-hint">
          {t('summary.retryHint', {
            count: job.retry.retryable,
            n: format.number(job.retry.retryable),
          })}
        </p>
      )}
      {job.retry.refused > 0 && (
        <p className="history-hint">
          {t('summary.refusedHint', {
            context: jobService(job),
            count: job.retry.refused,
            n: format.number(job.retry.refused),
          })}
        </p>
      )}
      <div className="history-end-actions">
        {job.reportAvailable && job.status !== 'ready' && (
          <button type="button" onClick={() => save.mutate(job.id)} disabled={save.isPending}>
            {save.isPending ? t('actions.savingReport') : t('actions.saveReport')}
          </button>
        )}
        {job.retry.available && (
          <button type="button" onClick={() => setRetrying(true)}>
            {t('actions.retry')}
          </button>
        )}
        <button type="button" onClick={() => navigate({ screen: 'export', jobId: job.id })}>
          {t('actions.exportAgain')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {saved && (
          <p className="message-success">
            {t('summary.reportSaved', {
              fileName: saved.fileName,
              count: saved.rows,
              n: format.number(saved.rows),
            })}
          </p>
        )}
      </div>
      {save.error && (
        <p role="alert" className="message-error">
          {t('summary.reportError', { message: errorText(save.error) })}
        </p>
      )}
      {retrying && <RetryDialog job={job} onClose={() => setRetrying(false)} />}
    </section>
  );
}
