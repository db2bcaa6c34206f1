import { useTranslation } from 'react-i18next';
import type { JobListItem } from '../../../../shared/model/jobs';
import type { AutomationRun, RunTrigger, Schedule } from '../../../../shared/model/automation';

/** "Every day at 07:30", "Every Monday at 07:30" in the person's language. */
export function useScheduleText() {
  const { t } = useTranslation('automation');
  return (schedule: Schedule): string =>
    schedule.every === 'day'
      ? t('schedule.day', { time: schedule.at })
      : t('schedule.week', { time: schedule.at, weekday: t(`weekdays.${schedule.on}`) });
}

/** What set off a run, as History and the Runs list mark it (issue 18, item 4). */
export function useTriggerText() {
  const { t } = useTranslation('automation');
  return (trigger: RunTrigger): string =>
    trigger.kind === 'folder'
      ? t('trigger.folder', { folder: trigger.folder ?? '' })
      : t(`trigger.${trigger.kind}`);
}

/** Why a run stopped or failed: worded by its code when the catalog knows it, else main's words. */
function useReasonText() {
  const { t, i18n } = useTranslation('automation');
  return (run: Pick<AutomationRun, 'code' | 'message'>): string =>
    run.code && i18n.exists(`automation:reasons.${run.code}`)
      ? t(`reasons.${run.code}`)
      : run.message;
}

/**
 * A run's outcome in plain words: "Sending the changes…", "Sent 12 contacts", "Nothing had changed", "Stopped, nothing
 * sent: why", "Failed: why". The count comes from the job the run made, when History has it.
 */
export function useRunOutcomeText() {
  const { t, i18n } = useTranslation('automation');
  const reason = useReasonText();
  const numbers = new Intl.NumberFormat(i18n.language);
  return (run: AutomationRun, job: JobListItem | undefined): string => {
    switch (run.outcome) {
      case 'sent':
        if (!job) return t('outcome.sentUncounted');
        if (job.running) return t('outcome.sending');
        return t('outcome.sent', { count: job.counts.sent, n: numbers.format(job.counts.sent) });
      case 'nothing-changed':
        return t('outcome.nothing-changed');
      default:
        return t(`outcome.${run.outcome}`, { why: reason(run) });
    }
  };
}
