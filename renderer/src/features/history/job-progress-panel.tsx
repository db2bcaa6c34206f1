import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobDetail, JobProgressEvent } from '../../../../shared/model/jobs';
import { useJobFormat, useJobStateText } from './job-words';
import { ProgressBar } from './progress-bar';
import { isLiveState } from './use-jobs';

/** What the panel shows: the live progress event, or the job's stored counts when none came. */
function progressOf(job: JobDetail): JobProgressEvent | null {
  return job.progress && job.progress.jobId === job.id ? job.progress : null;
}

/** Re-renders every second while a countdown runs, so "retrying in 20 s" counts down. */
function useSecondTicks(ticking: boolean): void {
  const [, setTicks] = useState(0);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setTicks((ticks) => ticks + 1), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
}

function Counts({ job, progress }: { job: JobDetail; progress: JobProgressEvent | null }) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  const live = progress !== null && isLiveState(progress.state);
  const sent = progress?.sent ?? job.counts.sent;
  const succeeded = progress?.succeeded ?? job.counts.succeeded;
  const failed = progress?.failed ?? job.counts.failed;
  const eta = progress?.etaMs ?? null;
  return (
    <dl className="history-counts">
      <div data-count="sent">
        <dt>{t('detail.sent')}</dt>
        <dd>{format.number(sent)}</dd>
      </div>
      <div data-count="succeeded">
        <dt>{t('detail.succeeded')}</dt>
        <dd>{format.number(succeeded)}</dd>
      </div>
      <div data-count="failed">
        <dt>{t('detail.failed')}</dt>
        <dd>{format.number(failed)}</dd>
      </div>
      {live && (
        <>
          <div data-count="rate">
            <dt>{t('detail.rate')}</dt>
            <dd>
              {t('detail.rateValue', {
                contacts: format.decimal(progress.contactsPerSecond),
                requests: format.decimal(progress.requestRate),
              })}
            </dd>
          </div>
          <div data-count="time-left">
            <dt>{t('detail.timeLeft')}</dt>
            <dd>
              {eta === null
                ? t('detail.timeLeftUnknown')
                : eta === 0
                  ? t('detail.timeLeftNone')
                  : format.duration(eta)}
            </dd>
          </div>
        </>
      )}
    </dl>
  );
}

function SegmentBars({ job }: { job: JobDetail }) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  return (
    <section className="history-segments" aria-labelledby={`${job.id}-segments`}>
      <h2 id={`${job.id}-segments`}>{t('detail.segments')}</h2>
      <ul>
        {job.segments.map((segment, index) => {
          const done = segment.succeeded + segment.failed;
          const label = t('detail.segmentLabel', { segment: segment.name, list: segment.listName });
          const value = t('detail.segmentValue', {
            done: format.number(done),
            total: format.number(segment.sending ?? segment.valid),
          });
          return (
            <li key={`${segment.name}-${index}`}>
              <div className="history-segment-line">
                <span>{label}</span>
                <span>
                  {value}
                  {segment.failed > 0 &&
                    ` · ${t('detail.segmentFailed', {
                      count: segment.failed,
                      n: format.number(segment.failed),
                    })}`}
                </span>
              </div>
              <ProgressBar
                label={label}
                done={done}
                total={segment.sending ?? segment.valid}
                failed={segment.failed}
                valueText={value}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Where an export stands: the state in words, the overall bar, the counts, one bar per segment. */
export function JobProgressPanel({ job }: { readonly job: JobDetail }) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  const stateText = useJobStateText();
  const progress = progressOf(job);
  useSecondTicks(progress?.resumesAt != null);
  const total =
    progress?.total ??
    job.segments.reduce((sum, segment) => sum + (segment.sending ?? segment.valid), 0);
  const failed = progress?.failed ?? job.counts.failed;
  const done = (progress?.succeeded ?? job.counts.succeeded) + failed;
  const overallValue = t('detail.overallValue', {
    done: format.number(done),
    total: format.number(total),
  });
  return (
    <section className="history-progress card" aria-label={t('detail.overall')}>
      <p
        className="history-state"
        role="status"
        aria-live="polite"
        data-state={progress?.state ?? job.status}
      >
        {stateText(job, progress, Date.now())}
      </p>
      <div className="history-overall">
        <ProgressBar
          label={t('detail.overall')}
          done={done}
          total={total}
          failed={failed}
          valueText={overallValue}
          large
        />
        <span className="history-overall-value">{overallValue}</span>
      </div>
      <Counts job={job} progress={progress} />
      <SegmentBars job={job} />
    </section>
  );
}
