import { useTranslation } from 'react-i18next';
import type { JobListItem } from '../../../../shared/model/jobs';
import { ListStates } from '../../app/list-states';
import { useNavigation } from '../../app/navigation';
import { useErrorText } from '../../i18n/error-text';
import { useTriggerText } from '../automation/automation-words';
import { retryShare } from './job-numbers';
import { useJobFormat, useJobStateText } from './job-words';
import { useJobs, useResumableJobs, useStartJob } from './use-jobs';

function segmentNames(job: JobListItem): string {
  return job.segments.map((segment) => `“${segment.name}”`).join(', ');
}

function JobLine({ job, withResume }: { job: JobListItem; withResume?: boolean }) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  const stateText = useJobStateText();
  const triggerText = useTriggerText();
  const errorText = useErrorText();
  const { navigate } = useNavigation();
  const start = useStartJob();
  const open = () => navigate({ screen: 'history', jobId: job.id });
  const date = format.date(job.createdAt);
  // Failed rows a retry delivered count as delivered here, and the outcome says by which retry.
  const retried = retryShare(job);
  return (
    <li className="history-item card" data-job-id={job.id} data-status={job.status}>
      <div className="history-item-head">
        <h3>
          <button
            type="button"
            className="history-link"
            onClick={open}
            aria-label={t('item.openLabel', { segments: segmentNames(job), date })}
          >
            {segmentNames(job)}
          </button>
        </h3>
        <p className="history-item-where">
          {t('item.to', {
            date,
            destination: job.destination.name,
            lists: job.segments.map((segment) => `“${segment.listName}”`).join(', '),
          })}
        </p>
        {job.retryOf && <p className="history-item-where">{t('item.retryOf')}</p>}
        {job.trigger && (
          <p className="history-item-where" data-trigger={job.trigger.kind}>
            {triggerText(job.trigger)}
          </p>
        )}
      </div>
      <dl className="history-item-counts">
        <div data-count="succeeded">
          <dt>{t('item.delivered')}</dt>
          <dd>
            {t('item.deliveredValue', {
              succeeded: format.number(job.counts.succeeded + (retried?.delivered ?? 0)),
              valid: format.number(job.counts.valid),
            })}
            {retried && (
              <span className="history-item-by-retry">
                {' '}
                {t('item.deliveredByRetry', {
                  n: format.number(retried.delivered),
                  date: format.date(retried.at),
                })}
              </span>
            )}
          </dd>
        </div>
        <div data-count="failed">
          <dt>{t('item.failed')}</dt>
          <dd>{format.number(retried?.stillFailed ?? job.counts.failed)}</dd>
        </div>
        <div data-count="duration">
          <dt>{t('item.duration')}</dt>
          <dd>{format.duration(job.elapsedMs)}</dd>
        </div>
      </dl>
      <p className={`history-outcome history-outcome-${job.status}`} data-outcome>
        {stateText(job, null, Date.now())}
      </p>
      {withResume && job.resumable && (
        <div className="history-item-actions">
          <button
            type="button"
            className="primary"
            disabled={start.isPending}
            onClick={() => {
              // Opened once started, even if this line has left the list by then (it may be done).
              start.mutateAsync(job.id).then(open, () => undefined);
            }}
          >
            {job.status === 'ready' ? t('actions.start') : t('actions.resume')}
          </button>
          <button type="button" onClick={open}>
            {t('actions.open')}
          </button>
        </div>
      )}
      {start.error && (
        <p role="alert" className="message-error">
          {errorText(start.error)}
        </p>
      )}
    </li>
  );
}

/** After a restart or a crash: the exports that stopped before the end, each with Resume. */
export function UnfinishedExports() {
  const { t } = useTranslation('history');
  const resumable = useResumableJobs();
  if (!resumable.data?.length) return null;
  return (
    <section className="history-unfinished" aria-labelledby="history-unfinished-title">
      <h2 id="history-unfinished-title">{t('unfinished.title')}</h2>
      <p className="history-hint">{t('unfinished.intro')}</p>
      <ul className="history-list" aria-label={t('unfinished.listLabel')}>
        {resumable.data.map((job) => (
          <JobLine key={job.id} job={job} withResume />
        ))}
      </ul>
    </section>
  );
}

/** Every export, newest first, with destination, segments, counts, time spent and outcome. */
export function HistoryList() {
  const { t } = useTranslation('history');
  const errorText = useErrorText();
  const jobs = useJobs();
  return (
    <ListStates
      query={jobs}
      loading={t('loading')}
      loadError={jobs.isError ? t('loadError', { message: errorText(jobs.error) }) : null}
      empty={t('empty')}
      goToExport={t('goToExport')}
    >
      {(list) => (
        <section className="history-all" aria-labelledby="history-all-title">
          <h2 id="history-all-title">{t('listTitle')}</h2>
          <ul className="history-list" aria-label={t('listLabel')}>
            {list.map((job) => (
              <JobLine key={job.id} job={job} />
            ))}
          </ul>
        </section>
      )}
    </ListStates>
  );
}
