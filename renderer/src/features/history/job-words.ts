import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobDetail, JobListItem, JobProgressEvent } from '../../../../shared/model/jobs';
import type { DestinationService } from '../../../../shared/model/destination-service';
import { retryShare } from './job-numbers';
import { isLiveState } from './use-jobs';

/** Numbers, dates, sizes and durations in the person's language. */
export function useJobFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(language);
    const decimals = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
      new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(
        value,
      );
    return {
      number: (value: number) => numbers.format(value),
      decimal: (value: number) => decimals.format(value),
      date: (iso: string) => dates.format(new Date(iso)),
      /** "1 hr 5 min", "3 min 20 sec", "12 sec": the two largest units, enough to plan by. */
      duration: (ms: number) => {
        const seconds = Math.max(0, Math.round(ms / 1000));
        const hours = Math.floor(seconds / 3600);
        const minutes = Math.floor((seconds % 3600) / 60);
        if (hours > 0) return `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
        if (minutes > 0) return `${unit(minutes, 'minute')} ${unit(seconds % 60, 'second')}`;
        return unit(seconds, 'second');
      },
      bytes: (value: number) =>
        value < 1024 * 1024
          ? new Intl.NumberFormat(language, {
              style: 'unit',
              unit: 'kilobyte',
              maximumFractionDigits: 1,
            }).format(value / 1024)
          : new Intl.NumberFormat(language, {
              style: 'unit',
              unit: 'megabyte',
              maximumFractionDigits: 1,
            }).format(value / (1024 * 1024)),
    };
  }, [language]);
}

/**
 * The kind of account a job sends to, for words that name it. Only the detail carries it (in its
 * consent receipt); list rows and jobs from before Ortto existed read as Autopilot's.
 */
export function jobService(job: JobListItem | JobDetail): DestinationService {
  const fromReceipt = 'consent' in job ? job.consent.destination.service : undefined;
  return fromReceipt ?? job.destination.service ?? 'autopilot';
}

/** Seconds until `resumesAt`, never below 1 while waiting (as the engine words it). */
function secondsUntil(resumesAt: number | null, now: number): number {
  return resumesAt === null ? 0 : Math.max(1, Math.ceil((resumesAt - now) / 1000));
}

/**
 * The sentence that says where an export stands, in the person's language: a live run by its
 * progress state (with the countdown), a stopped one by why it stopped, a finished one by outcome.
 */
export function useJobStateText() {
  const { t } = useTranslation('history');
  const format = useJobFormat();
  return (job: JobListItem | JobDetail, progress: JobProgressEvent | null, now: number): string => {
    const context = jobService(job);
    if (progress && isLiveState(progress.state)) {
      const seconds = secondsUntil(progress.resumesAt, now);
      return t(`state.${progress.state}`, { seconds, context });
    }
    if (job.running) {
      return progress ? t(`state.${progress.state}`, { context }) : t('status.running');
    }
    if (job.interrupted) return t('status.interrupted');
    return outcomeText(t, job, format, context);
  };
}

type Translate = ReturnType<typeof useTranslation<'history'>>['t'];

type JobFormat = ReturnType<typeof useJobFormat>;

/** A finished export whose failed rows a retry delivered: said so, with what is still missing. */
function retriedOutcome(t: Translate, job: JobOutcomeFacts, format: JobFormat): string | null {
  const share = job.status === 'completed_with_errors' ? retryShare(job) : null;
  if (!share) return null;
  const date = format.date(share.at);
  if (share.stillFailed === 0) return t('status.completedByRetry', { date });
  return t('status.partlyByRetry', {
    count: share.stillFailed,
    n: format.number(share.stillFailed),
    delivered: format.number(share.delivered),
    date,
  });
}

type JobOutcomeFacts = Pick<JobListItem, 'status' | 'counts' | 'stop' | 'deliveredByRetry'>;

export function outcomeText(
  t: Translate,
  job: JobOutcomeFacts,
  format: JobFormat,
  context: DestinationService = 'autopilot',
): string {
  const { stop } = job;
  switch (job.status) {
    case 'paused':
      return stop ? t(`stop.${stop.kind}`, { context }) : t('status.paused');
    case 'failed':
      return t('status.failed');
    case 'completed_with_errors':
      return (
        retriedOutcome(t, job, format) ??
        t('status.completed_with_errors', {
          count: job.counts.failed,
          n: format.number(job.counts.failed),
        })
      );
    case 'cancelled':
      return job.counts.unsent > 0
        ? t('status.cancelledNeverSent', {
            count: job.counts.unsent,
            n: format.number(job.counts.unsent),
          })
        : t('status.cancelled');
    default:
      return t(`status.${job.status}`);
  }
}
