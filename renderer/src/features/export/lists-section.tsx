import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ListChoiceField } from './list-choice-field';
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
      {segments.map((segment) => (
        <ListChoiceField
          key={segment.id}
          id={`${id}-${segment.id}`}
          segment={segment}
          choice={choices[segment.id]}
          lists={lists.data}
          onChange={(list) => onChange(segment.id, list)}
        />
      ))}
    </section>
  );
}
