import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import type { EmailPermissionChoice } from '../../../../shared/model/destination-service';
import { useDestinationService } from './destination-service-context';
import { EmailPermissionField } from './email-permission-field';
import { ListChoiceField } from './list-choice-field';
import { sectionIds } from './section-ids';
import { listNameOf } from './use-export-setup';
import type { DestinationListSummary, ListChoice } from '../../../../shared/model/exports';
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
  /** Ortto's email permission question (issue 16, item 4), asked in this step. */
  readonly permission: {
    readonly choice: EmailPermissionChoice | null;
    readonly onChange: (choice: EmailPermissionChoice) => void;
    readonly consentColumn: boolean;
  };
}

/**
 * Step 4: each segment's Autopilot list, named after it (created when missing) or an existing one.
 * For Ortto the same choice is a tag (ortto-api.md, Lists), with how to make an audience follow
 * it, and the email permission question.
 */
export function ListsSection(props: ListsSectionProps) {
  const { segments, choices, lists, onChange, permission } = props;
  const { t } = useTranslation('export');
  const context = useDestinationService();
  const id = useId();
  if (segments.length === 0) return null;
  const tags = segments.map((segment) => `“${listNameOf(segment, choices[segment.id])}”`);
  return (
    <section className="export-step card" aria-labelledby={sectionIds.lists}>
      <h2 id={sectionIds.lists} tabIndex={-1}>
        {t('lists.title', { context })}
      </h2>
      <p className="export-hint">{t('lists.intro', { context })}</p>
      {lists.isFetching && !lists.data && (
        <p className="export-hint">{t('lists.loading', { context })}</p>
      )}
      {lists.error && (
        <p className="message-warning">
          {t('lists.error', { context, message: errorText(lists.error, t) })}
        </p>
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
      {context === 'ortto' && (
        <>
          <p className="export-hint" data-hint="audience">
            {t('lists.audienceHint', { count: tags.length, names: tags.join(', ') })}
          </p>
          <EmailPermissionField
            choice={permission.choice}
            onChange={permission.onChange}
            consentColumn={permission.consentColumn}
          />
        </>
      )}
    </section>
  );
}
