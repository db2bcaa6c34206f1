import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDestinationService } from './destination-service-context';
import type { DestinationListSummary, ListChoice } from '../../../../shared/model/exports';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const newListValue = 'new';

function valueOf(choice: ListChoice | undefined): string {
  return choice?.kind === 'existing' ? `existing:${choice.name}` : 'segment';
}

function choiceOf(value: string): ListChoice {
  return value.startsWith('existing:')
    ? { kind: 'existing', name: value.slice(9) }
    : { kind: 'segment' };
}

interface ListChoiceFieldProps {
  readonly id: string;
  readonly segment: SegmentSummary;
  readonly choice: ListChoice | undefined;
  readonly lists: readonly DestinationListSummary[] | undefined;
  readonly onChange: (list: ListChoice) => void;
}

/**
 * One segment's list (an Ortto tag): named after it, one of the account's, or a new name typed
 * inline (issue 17, item 3). A list that does not exist yet is created when the export starts,
 * whatever its name.
 */
export function ListChoiceField({ id, segment, choice, lists, onChange }: ListChoiceFieldProps) {
  const { t } = useTranslation('export');
  const context = useDestinationService();
  const account = (lists ?? []).filter((list) => !sameName(list.name, segment.name));
  const exists = (lists ?? []).some((list) => sameName(list.name, segment.name));
  // A name chosen earlier (a saved setup, a list created since) stays one of the options.
  const saved =
    choice?.kind === 'existing' && !account.some((list) => sameName(list.name, choice.name));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  function pick(value: string) {
    if (value === newListValue) {
      setNaming(true);
      if (name.trim() !== '') onChange({ kind: 'existing', name: name.trim() });
      return;
    }
    setNaming(false);
    onChange(choiceOf(value));
  }

  function rename(value: string) {
    setName(value);
    onChange(value.trim() === '' ? { kind: 'segment' } : { kind: 'existing', name: value.trim() });
  }

  return (
    <div className="export-field">
      <label htmlFor={id}>{t('lists.label', { segment: segment.name, context })}</label>
      <select
        id={id}
        value={naming ? newListValue : valueOf(choice)}
        onChange={(event) => pick(event.target.value)}
      >
        <option value="segment">
          {t(exists ? 'lists.namedAfterExists' : 'lists.namedAfter', {
            name: segment.name,
            context,
          })}
        </option>
        {saved && !naming && <option value={valueOf(choice)}>{choice.name}</option>}
        {account.length > 0 && (
          <optgroup label={t('lists.accountLists', { context })}>
            {account.map((list) => (
              <option key={list.id} value={`existing:${list.name}`}>
                {list.name}
              </option>
            ))}
          </optgroup>
        )}
        <option value={newListValue}>{t('lists.newList', { context })}</option>
      </select>
      {naming && (
        <>
          <label htmlFor={`${id}-name`}>{t('lists.newListName', { context })}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={200}
            onChange={(event) => rename(event.target.value)}
            aria-describedby={`${id}-hint`}
          />
          <p id={`${id}-hint`} className="export-hint">
            {t('lists.newListHint', { context })}
          </p>
        </>
      )}
    </div>
  );
}
