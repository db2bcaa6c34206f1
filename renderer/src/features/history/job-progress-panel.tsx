import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobDetail, JobProgressEvent } from '../../../../shared/model/jobs';
import type { DestinationService } from '../../../../shared/model/destination-service';
import { shownNumbers, type ShownNumbers } from './job-numbers';
import { jobService, useJobFormat, useJobStateText } from './job-words';
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

interface CountsProps {
  readonly numbers: ShownNumbers;
  readonly progress: JobProgressEvent | null;
  readonly service: DestinationService;
}

function Counts({ numbers, progress, service }: CountsProps) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  const live = progress !== null && isLiveState(progress.state);
  const eta = progress?.etaMs ?? null;
  return (
    <dl className="history-counts">
      <div data-count="sent">
        <dt>{t('detail.sent')}</dt>
        <dd>{format.number(numbers.sent)}</dd>
      </div>
      {live && (
        <div data-count="on-the-way">
          <dt>{t('detail.onTheWay')}</dt>
          <dd>{format.number(numbers.inFlight)}</dd>
        </div>
      )}
      <div data-count="succeeded">
        <dt>{t('detail.succeeded')}</dt>
        <dd>{format.number(numbers.succeeded)}</dd>
      </div>
      <div data-count="failed">
        <dt>{t('detail.failed')}</dt>
        <dd>{format.number(numbers.failed)}</dd>
      </div>
      {live && <Pace progress={progress} service={service} />}
      {live && (
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
      )}
    </dl>
  );
}

/** The pace in plain words: contacts a second now, and at most how many the destination takes. */
function Pace({ progress, service }: { progress: JobProgressEvent; service: DestinationService }) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  return (
    <div data-count="rate">
      <dt>{t('detail.rate')}</dt>
      <dd>
        {t('detail.paceValue', {
          contacts: format.decimal(progress.contactsPerSecond),
          allowed: format.number(Math.round(progress.allowedContactsPerSecond)),
          context: service,
        })}
      </dd>
    </div>
  );
}

function SegmentBars({ job, numbers }: { job: JobDetail; numbers: ShownNumbers }) {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  return (
    <section className="history-segments" aria-labelledby={`${job.id}-segments`}>
      <h2 id={`${job.id}-segments`}>{t('detail.segments')}</h2>
      <ul>
        {numbers.segments.map((segment, index) => {
          const done = segment.succeeded + segment.failed;
          const label = t('detail.segmentLabel', { segment: segment.name, list: segment.listName });
          const value = t('detail.segmentValue', {
            done: format.number(done),
            total: format.number(segment.total),
          });
          return (
            <li key={`${segment.name}-${index}`} data-segment-index={index}>
              <div className="history-segment-line">
                <span>{label}</span>
                <span>
                  {value}
                  {segment.inFlight > 0 &&
                    ` · ${t('detail.segmentOnTheWay', { n: format.number(segment.inFlight) })}`}
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
                total={segment.total}
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
  const numbers = shownNumbers(job, progress);
  const { total, failed, sent: done } = numbers;
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
      {job.stop?.detail && !job.running && (
        <p className="history-stop-detail">{t('detail.technical', { detail: job.stop.detail })}</p>
      )}
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
      <Counts numbers={numbers} progress={progress} service={jobService(job)} />
      <SegmentBars job={job} numbers={numbers} />
    </section>
  );
}
