import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AutomationStatement,
  AutomationView,
} from '../../../../shared/ipc/channels/automation';
import { weekdays, type Weekday } from '../../../../shared/model/automation';
import type { EmailPermissionChoice } from '../../../../shared/model/destination-service';
import { useTermsLanguage } from '../export/consent-frame';
import { useAutomationErrorText } from './automation-words';
import { StandingConsentDialog } from './standing-consent-dialog';
import { checkTurnOn, initialValues, type Repeat, type TurnOnProblem } from './turn-on-values';
import { useChooseFolder, useEnableAutomation, useStatementRequest } from './use-automation';

interface TurnOnFormProps {
  readonly view: AutomationView;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/**
 * Turning a saved setup's automation on: a folder to watch (Browse…) and/or a schedule, checked
 * here, then the standing consent main words from the setup; Confirm turns it on.
 */
export function TurnOnForm({ view, onDone, onCancel }: TurnOnFormProps) {
  const { t } = useTranslation('automation');
  const id = useId();
  const [values, setValues] = useState(() => initialValues(view));
  const [problems, setProblems] = useState<readonly TurnOnProblem[]>([]);
  const [statement, setStatement] = useState<AutomationStatement | null>(null);
  const chooseFolder = useChooseFolder();
  const askStatement = useStatementRequest();
  const enable = useEnableAutomation();
  const errorText = useAutomationErrorText();
  const termsLanguage = useTermsLanguage();
  const continueRef = useRef<HTMLButtonElement>(null);
  const check = checkTurnOn(values);

  function browse() {
    chooseFolder.mutate(undefined, {
      onSuccess: ({ folder }) => {
        if (folder !== null) setValues((current) => ({ ...current, folder }));
      },
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblems(check.ok ? [] : check.problems);
    if (!check.ok) return;
    askStatement.mutate(
      { setupId: view.setupId, folder: check.folder, schedule: check.schedule },
      { onSuccess: setStatement },
    );
  }

  function confirm(emailPermission: EmailPermissionChoice | undefined) {
    if (!check.ok) return;
    enable.mutate(
      {
        setupId: view.setupId,
        folder: check.folder,
        schedule: check.schedule,
        consent: { confirmed: true, language: termsLanguage },
        ...(emailPermission ? { emailPermission } : {}),
      },
      { onSuccess: onDone },
    );
  }

  function closeDialog() {
    setStatement(null);
    enable.reset();
    continueRef.current?.focus();
  }

  const failure = chooseFolder.error ?? askStatement.error;
  return (
    <>
      <form
        className="automation-form"
        aria-labelledby={`${id}-title`}
        onSubmit={onSubmit}
        noValidate
      >
        <h4 id={`${id}-title`}>{t('form.title', { name: view.setupName })}</h4>
        <fieldset>
          <legend>{t('form.folderLegend')}</legend>
          <p className="path" data-folder>
            {values.folder ?? t('form.folderNone')}
          </p>
          <div className="automation-inline">
            <button type="button" onClick={browse} disabled={chooseFolder.isPending}>
              {t('form.browse')}
            </button>
            {values.folder !== null && (
              <button type="button" onClick={() => setValues({ ...values, folder: null })}>
                {t('form.noFolder')}
              </button>
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('form.scheduleLegend')}</legend>
          <div className="automation-inline">
            <label htmlFor={`${id}-repeat`}>{t('form.repeat')}</label>
            <select
              id={`${id}-repeat`}
              value={values.repeat}
              onChange={(event) => setValues({ ...values, repeat: event.target.value as Repeat })}
            >
              <option value="never">{t('form.never')}</option>
              <option value="day">{t('form.day')}</option>
              <option value="week">{t('form.week')}</option>
            </select>
            {values.repeat === 'week' && (
              <>
                <label htmlFor={`${id}-weekday`}>{t('form.weekday')}</label>
                <select
                  id={`${id}-weekday`}
                  value={values.weekday}
                  onChange={(event) =>
                    setValues({ ...values, weekday: event.target.value as Weekday })
                  }
                >
                  {weekdays.map((day) => (
                    <option key={day} value={day}>
                      {t(`weekdays.${day}`)}
                    </option>
                  ))}
                </select>
              </>
            )}
            {values.repeat !== 'never' && (
              <>
                <label htmlFor={`${id}-time`}>{t('form.time')}</label>
                <input
                  id={`${id}-time`}
                  type="time"
                  value={values.time}
                  aria-invalid={problems.includes('badTime') || undefined}
                  onChange={(event) => setValues({ ...values, time: event.target.value })}
                />
              </>
            )}
          </div>
        </fieldset>
        {problems.map((problem) => (
          <p key={problem} role="alert" className="message-error">
            {t(`form.${problem}`)}
          </p>
        ))}
        {failure && (
          <p role="alert" className="message-error">
            {errorText(failure)}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={onCancel}>
            {t('form.cancel')}
          </button>
          <button
            ref={continueRef}
            type="submit"
            className="primary"
            disabled={askStatement.isPending}
          >
            {askStatement.isPending ? t('form.checking') : t('form.continue')}
          </button>
        </div>
      </form>
      {statement && (
        <StandingConsentDialog
          statement={statement}
          pending={enable.isPending}
          error={enable.isError ? errorText(enable.error) : undefined}
          onConfirm={confirm}
          onCancel={closeDialog}
        />
      )}
    </>
  );
}
