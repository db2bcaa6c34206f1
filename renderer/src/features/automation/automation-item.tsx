import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutomationView } from '../../../../shared/ipc/channels/automation';
import { AutomationFacts } from './automation-facts';
import { TurnOffDialog } from './turn-off-dialog';
import { TurnOnForm } from './turn-on-form';

interface AutomationItemProps {
  readonly view: AutomationView;
  readonly formOpen: boolean;
  readonly onFormOpen: (open: boolean) => void;
}

/** One saved setup on the Automatic exports screen: on or off, when it runs, how it last went. */
export function AutomationItem({ view, formOpen, onFormOpen }: AutomationItemProps) {
  const { t } = useTranslation('automation');
  const [askingOff, setAskingOff] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // A setup that is on has nothing to fill in: turning it off comes first.
  const editing = formOpen && !view.enabled;

  const wasEditing = useRef(editing);

  useEffect(() => {
    // Turned on, or the form cancelled: the focus goes to the button that is back in its place.
    if (wasEditing.current && !editing) toggleRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

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
      <AutomationFacts view={view} />
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
              setAskingOff(true);
            }}
          >
            {t(view.enabled ? 'setup.turnOff' : 'setup.turnOn')}
          </button>
        </div>
      )}
      {editing && (
        <TurnOnForm
          view={view}
          onDone={() => onFormOpen(false)}
          onCancel={() => onFormOpen(false)}
        />
      )}
      {askingOff && (
        <TurnOffDialog
          view={view}
          onClose={() => {
            setAskingOff(false);
            toggleRef.current?.focus();
          }}
        />
      )}
    </li>
  );
}
