import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AutomationStatement,
  AutomationView,
} from '../../../../shared/ipc/channels/automation';
import type { EmailPermissionChoice } from '../../../../shared/model/destination-service';
import { useTermsLanguage } from '../export/consent-frame';
import { useErrorText } from '../../i18n/error-text';
import { StandingConsentDialog } from './standing-consent-dialog';
import { FolderFields, ScheduleFields } from './trigger-fields';
import { checkTurnOn, initialValues, type TurnOnProblem } from './turn-on-values';
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
  const errorText = useErrorText();
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
    if (!statement) return;
    // What is turned on is what the dialog stated, word for word.
    enable.mutate(
      {
        setupId: view.setupId,
        folder: statement.folder,
        schedule: statement.schedule,
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
        <FolderFields
          folder={values.folder}
          browsing={chooseFolder.isPending}
          onBrowse={browse}
          onClear={() => setValues({ ...values, folder: null })}
        />
        <ScheduleFields
          values={values}
          badTime={problems.includes('badTime')}
          onChange={setValues}
        />
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
