import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobDetail } from '../../../../shared/model/jobs';
import { ConfirmDialog } from '../../app/confirm-dialog';
import { useErrorText } from '../../i18n/error-text';
import { jobService } from './job-words';
import { isLiveState, useCancelJob, usePauseJob, useStartJob } from './use-jobs';

/** Pause while it runs; Resume (or Start) while it waits; Cancel, after asking, in both cases. */
export function JobControls({ job }: { readonly job: JobDetail }) {
  const { t } = useTranslation('history');
  const errorText = useErrorText();
  const start = useStartJob();
  const pause = usePauseJob();
  const cancel = useCancelJob();
  const [asking, setAsking] = useState(false);
  const state = job.progress?.state;
  const live = job.running && (state === undefined || isLiveState(state));
  const stopping = state === 'stopping';
  const busy = start.isPending || pause.isPending || cancel.isPending;
  const failure = start.error ?? pause.error;
  if (!live && !job.resumable) return null;

  return (
    <div className="history-controls" role="group" aria-label={t('detail.controls')}>
      {live ? (
        <button type="button" onClick={() => pause.mutate(job.id)} disabled={busy || stopping}>
          {t('actions.pause')}
        </button>
      ) : (
        <button
          type="button"
          className="primary"
          onClick={() => start.mutate(job.id)}
          disabled={busy}
        >
          {job.status === 'ready' ? t('actions.start') : t('actions.resume')}
        </button>
      )}
      <button
        type="button"
        className="danger"
        onClick={() => {
          cancel.reset();
          setAsking(true);
        }}
        disabled={busy || stopping}
      >
        {t('actions.cancel')}
      </button>
      {failure && (
        <p role="alert" className="message-error">
          {errorText(failure)}
        </p>
      )}
      {asking && (
        <ConfirmDialog
          title={t('cancelDialog.title')}
          keepLabel={t('cancelDialog.keep')}
          confirmLabel={t('cancelDialog.confirm')}
          pendingLabel={t('cancelDialog.working')}
          pending={cancel.isPending}
          error={cancel.error ? errorText(cancel.error) : undefined}
          danger
          onCancel={() => setAsking(false)}
          onConfirm={() => cancel.mutate(job.id, { onSuccess: () => setAsking(false) })}
        >
          <p>{t('cancelDialog.body', { context: jobService(job) })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
