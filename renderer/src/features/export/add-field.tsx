import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { useDestinationService } from './destination-service-context';
import type { CustomFieldTypeName } from '../../../../shared/matching/field-mapping';
import { customFieldTypeSchema } from '../../../../shared/matching/field-mapping';
import { fieldLabel } from './field-label';
import { rowIdOf, standardFieldKeys, type MatchRow, type MatchTarget } from './match-rows';
import type { AccountFields } from './account-fields';

const newFieldValue = 'new';
const customTypes = customFieldTypeSchema.options;

interface AddFieldProps {
  readonly rows: readonly MatchRow[];
  readonly accountFields: AccountFields;
  readonly onAdd: (target: MatchTarget) => void;
}

const consentValue = 'consent';

function targetOf(value: string, accountFields: AccountFields): MatchTarget | undefined {
  if (value === consentValue) return { kind: 'consent', optedOut: 'leave-out' };
  if (value.startsWith('standard:')) return { kind: 'standard', key: value.slice(9) };
  const field = accountFields.data?.find((item) => `custom:${item.key}` === value);
  return field ? { kind: 'custom', name: field.key, type: field.type } : undefined;
}

/** Adds a row: any other standard field, one of the account's custom fields, or a new one. */
export function AddField({ rows, accountFields, onAdd }: AddFieldProps) {
  const { t } = useTranslation('export');
  const context = useDestinationService();
  const id = useId();
  const [choice, setChoice] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState<CustomFieldTypeName>('string');
  const [error, setError] = useState<string>();
  const taken = new Set(rows.map((row) => row.id));
  const standard = standardFieldKeys.filter(
    (key) => key !== 'Email' && !taken.has(`standard:${key}`),
  );
  const custom = (accountFields.data ?? []).filter(
    (field) =>
      field.kind === 'custom' &&
      !taken.has(rowIdOf({ kind: 'custom', name: field.key, type: field.type })),
  );

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (choice === newFieldValue) {
      const trimmed = name.trim();
      const target: MatchTarget = { kind: 'custom', name: trimmed, type };
      if (trimmed === '') return setError(t('matching.add.nameMissing'));
      if (taken.has(rowIdOf(target)))
        return setError(t('matching.add.nameTaken', { name: trimmed }));
      onAdd(target);
      setName('');
    } else {
      const target = targetOf(choice, accountFields);
      if (!target) return;
      onAdd(target);
    }
    setChoice('');
    setError(undefined);
  }

  return (
    <form className="export-add-field" onSubmit={onSubmit} aria-label={t('matching.add.label')}>
      <label htmlFor={`${id}-choice`}>{t('matching.add.label')}</label>
      <select
        id={`${id}-choice`}
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
      >
        <option value="">{t('matching.add.placeholder')}</option>
        <optgroup label={t('matching.add.standard', { context })}>
          {standard.map((key) => (
            <option key={key} value={`standard:${key}`}>
              {fieldLabel(t, { kind: 'standard', key })}
            </option>
          ))}
          {!taken.has(consentValue) && (
            <option value={consentValue}>
              {fieldLabel(t, { kind: 'consent', optedOut: 'leave-out' })}
            </option>
          )}
        </optgroup>
        {custom.length > 0 && (
          <optgroup label={t('matching.add.custom')}>
            {custom.map((field) => (
              <option key={field.key} value={`custom:${field.key}`}>
                {`${field.label} (${t(`types.${field.type}`)})`}
              </option>
            ))}
          </optgroup>
        )}
        <option value={newFieldValue}>{t('matching.add.newCustom')}</option>
      </select>
      {choice === newFieldValue && (
        <>
          <label htmlFor={`${id}-name`}>{t('matching.add.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <label htmlFor={`${id}-type`}>{t('matching.add.type')}</label>
          <select
            id={`${id}-type`}
            value={type}
            onChange={(event) => setType(event.target.value as CustomFieldTypeName)}
          >
            {customTypes.map((option) => (
              <option key={option} value={option}>
                {t(`types.${option}`)}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="submit" disabled={choice === ''}>
        {t('matching.add.button')}
      </button>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      {accountFields.isEnabled && accountFields.isPending && (
        <p className="export-hint">{t('matching.add.fieldsLoading')}</p>
      )}
      {accountFields.error && (
        <p className="message-warning">
          {t('matching.add.fieldsError', { message: errorText(accountFields.error, t) })}
        </p>
      )}
    </form>
  );
}
