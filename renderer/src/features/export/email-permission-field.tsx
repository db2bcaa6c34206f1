import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  emailPermissionChoices,
  type EmailPermissionChoice,
} from '../../../../shared/model/destination-service';

interface EmailPermissionFieldProps {
  readonly choice: EmailPermissionChoice | null;
  readonly onChange: (choice: EmailPermissionChoice) => void;
  /** A consent column is matched: it answers row by row, this answers its blank rows. */
  readonly consentColumn: boolean;
}

/**
 * Ortto subscribes a person it creates unless told otherwise (ortto-api.md, `bol::p`), so an
 * Ortto export asks, with no answer chosen in advance (issue 16, item 4). Existing people keep
 * their own permission whatever is answered here.
 */
export function EmailPermissionField({
  choice,
  onChange,
  consentColumn,
}: EmailPermissionFieldProps) {
  const { t } = useTranslation('export');
  const id = useId();
  return (
    <fieldset className="export-permission" aria-describedby={`${id}-hint`}>
      <legend>{t('permission.legend')}</legend>
      <p id={`${id}-hint`} className="export-hint">
        {t('permission.hint')}
        {consentColumn && ` ${t('permission.consentColumn')}`}
      </p>
      {emailPermissionChoices.map((option) => (
        <label key={option} className="checkbox-field" htmlFor={`${id}-${option}`}>
          <input
            id={`${id}-${option}`}
            type="radio"
            name={`${id}-permission`}
            checked={choice === option}
            onChange={() => onChange(option)}
          />
          {t(`permission.${option}`)}
        </label>
      ))}
    </fieldset>
  );
}
