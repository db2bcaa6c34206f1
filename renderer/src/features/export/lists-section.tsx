import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { sectionIds } from './section-ids';
import type { DestinationListSummary, ListChoice } from '../../../../shared/ipc/channels/exports';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';

interface ListsSectionProps {
  readonly segments: readonly SegmentSummary[];
  readonly choices: Readonly<Record<string, ListChoice>>;
  readonly lists: {
    data?: readonly DestinationListSummary[];
    isFetching: boolean;
    error: Error | null;
  };
  readonly onChange: (segmentId: string, list: ListChoice) => void;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function valueOf(choice: ListChoice | undefined): string {
  return choice?.kind === 'existing' ? `existing:${choice.name}` : 'segment';
}

function choiceOf(value: string): ListChoice {
  return value.startsWith('existing:')
    ? { kind: 'existing', name: value.slice(9) }
    : { kind: 'segment' };
}

/** Step 4: each segment's Autopilot list, named after it (created when missing) or an existing one. */
export function ListsSection({ segments, choices, lists, onChange }: ListsSectionProps) {
  const { t } = useTranslation('export');
  const id = useId();
  if (segments.length === 0) return null;
  return (
    <section className="export-step card" aria-labelledby={sectionIds.lists}>
      <h2 id={sectionIds.lists} tabIndex={-1}>
        {t('lists.title')}
      </h2>
      <p className="export-hint">{t('lists.intro')}</p>
      {lists.isFetching && !lists.data && <p className="export-hint">{t('lists.loading')}</p>}
      {lists.error && (
        <p className="message-warning">{t('lists.error', { message: lists.error.message })}</p>
      )}
      {segments.map((segment) => {
        const choice = choices[segment.id];
        const account = (lists.data ?? []).filter((list) => !sameName(list.name, segment.name));
        const exists = (lists.data ?? []).some((list) => sameName(list.name, segment.name));
        const saved =
          choice?.kind === 'existing' && !account.some((list) => sameName(list.name, choice.name));
        return (
          <div key={segment.id} className="export-field">
            <label htmlFor={`${id}-${segment.id}`}>
              {t('lists.label', { segment: segment.name })}
            </label>
            <select
              id={`${id}-${segment.id}`}
              value={valueOf(choice)}
              onChange={(event) => onChange(segment.id, choiceOf(event.target.value))}
            >
              <option value="segment">
                {t(exists ? 'lists.namedAfterExists' : 'lists.namedAfter', { name: segment.name })}
              </option>
              {saved && <option value={valueOf(choice)}>{choice.name}</option>}
              {account.length > 0 && (
                <optgroup label={t('lists.accountLists')}>
                  {account.map((list) => (
                    <option key={list.id} value={`existing:${list.name}`}>
                      {list.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </div>
        );
      })}
    </section>
  );
}
