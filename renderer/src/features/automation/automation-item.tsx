import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutomationView } from '../../../../shared/ipc/channels/automation';
import { ConfirmDialog } from '../../app/confirm-dialog';
import { useJobFormat } from '../history/job-words';
import { useAutomationErrorText, useScheduleText } from './automation-words';
import { RunOutcome } from './run-outcome';
import { TurnOnForm } from './turn-on-form';
import { useDisableAutomation } from './use-automation';

interface AutomationItemProps {
  readonly view: AutomationView;
  readonly formOpen: boolean;
  readonly onFormOpen: (open: boolean) => void;
}

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

/** One saved setup on the Automatic exports screen: on or off, when it runs, how it last went. */
export function AutomationItem({ view, formOpen, onFormOpen }: AutomationItemProps) {
  const { t } = useTranslation('automation');
  const format = useJobFormat();
  const errorText = useAutomationErrorText();
  const disable = useDisableAutomation();
  const [askingOff, setAskingOff] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // A setup that is on has nothing to fill in: turning it off comes first.
  const editing = formOpen && !view.enabled;

  function closeForm() {
    onFormOpen(false);
    toggleRef.current?.focus();
  }

  return (
    <li className="automation-item card" data-setup-id={view.setupId}>
      <div className="automation-item-head">
        <h3>{view.setupName}</h3>
        <span className="automation-state" data-enabled={view.enabled || undefined}>
          {t(view.enabled ? 'setup.on' : 'setup.off')}
        </span>
      </div>
      <p className="automation-hint">
        {view.destinationName
          ? t('setup.to', { destination: view.destinationName })
          : t('setup.noDestination')}
      </p>
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
      <p role="status" className="automation-running">
        {view.running ? t('setup.running') : ''}
      </p>
      {!editing && (
        <div className="form-actions">
          <button
            ref={toggleRef}
            type="button"
            className={view.enabled ? 'danger' : 'primary'}
            onClick={() => {
              if (!view.enabled) {
                onFormOpen(true);
                return;
              }
              disable.reset();
              setAskingOff(true);
            }}
          >
            {t(view.enabled ? 'setup.turnOff' : 'setup.turnOn')}
          </button>
        </div>
      )}
      {editing && <TurnOnForm view={view} onDone={closeForm} onCancel={closeForm} />}
      {askingOff && (
        <ConfirmDialog
          title={t('turnOff.title', { name: view.setupName })}
          keepLabel={t('turnOff.keep')}
          confirmLabel={t('turnOff.confirm')}
          pendingLabel={t('turnOff.working')}
          pending={disable.isPending}
          error={disable.error ? errorText(disable.error) : undefined}
          danger
          onCancel={() => {
            setAskingOff(false);
            toggleRef.current?.focus();
          }}
          onConfirm={() =>
            disable.mutate(view.setupId, {
              onSuccess: () => {
                setAskingOff(false);
                toggleRef.current?.focus();
              },
            })
          }
        >
          <p>{t('turnOff.body')}</p>
        </ConfirmDialog>
      )}
    </li>
  );
}
