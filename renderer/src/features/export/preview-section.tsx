import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDestinationService } from './destination-service-context';
import { sectionIds } from './section-ids';
import type { DestinationListSummary, ExportSegmentInput } from '../../../../shared/model/exports';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { errorText } from '../../i18n/error-text';
import { PreviewTable } from './preview-table';
import { useContactPreview } from './use-exports';
import type { EmailPermissionChoice } from '../../../../shared/model/destination-service';

/** How many contacts "What will be sent" shows. */
const previewContactCount = 3;

interface PreviewSectionProps {
  readonly segments: readonly SegmentSummary[];
  /** One per segment, or null while the matching has problems. */
  readonly requests: readonly ExportSegmentInput[] | null;
  readonly lists: readonly DestinationListSummary[] | undefined;
  /** Whose request the preview shows, and Ortto's declared permission for new people. */
  readonly destinationId: string | null;
  readonly emailPermission: EmailPermissionChoice | null;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Step 5: the first contacts exactly as the request to the destination carries them. */
export function PreviewSection(props: PreviewSectionProps) {
  const { segments, requests, lists } = props;
  const { t } = useTranslation('export');
  const context = useDestinationService();
  const id = useId();
  const [picked, setPicked] = useState<string>();
  const request = requests?.find((item) => item.segmentId === picked) ?? requests?.[0];
  const list = request && lists?.find((item) => sameName(item.name, request.listName));
  const preview = useContactPreview(
    request
      ? {
          segment: request,
          // An Ortto tag is its own id, and the merge creates it: it is in the request either way.
          listId: context === 'ortto' ? request.listName : (list?.id ?? null),
          limit: previewContactCount,
          ...(props.destinationId ? { destinationId: props.destinationId } : {}),
          ...(props.emailPermission ? { emailPermission: props.emailPermission } : {}),
        }
      : null,
  );
  if (segments.length === 0) return null;
  const segment = segments.find((item) => item.id === request?.segmentId);

  return (
    <section className="export-step card" aria-labelledby={sectionIds.preview}>
      <h2 id={sectionIds.preview} tabIndex={-1}>
        {t('preview.title')}
      </h2>
      <p className="export-hint">{t('preview.intro', { context })}</p>
      {segments.length > 1 && (
        <div className="export-field">
          <label htmlFor={`${id}-segment`}>{t('preview.segment')}</label>
          <select
            id={`${id}-segment`}
            value={request?.segmentId ?? ''}
            onChange={(event) => setPicked(event.target.value)}
          >
            {segments.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {!request && <p>{t('preview.needsMatching')}</p>}
      {request && preview.isPending && <p>{t('preview.loading')}</p>}
      {preview.isError && (
        <p role="alert" className="message-error">
          {t('preview.error', { message: errorText(preview.error, t) })}
        </p>
      )}
      {request && preview.data && preview.data.contacts === 0 && <p>{t('preview.empty')}</p>}
      {request && preview.data && preview.data.contacts > 0 && (
        <>
          {!list && (
            <p className="export-hint">
              {t('preview.newList', { list: request.listName, context })}
            </p>
          )}
          <PreviewTable
            request={request}
            rows={preview.data.rows}
            caption={t('preview.tableLabel', { segment: segment?.name ?? '' })}
          />
          <details className="export-preview-raw">
            <summary>{t('preview.showRequest')}</summary>
            <pre
              className="export-preview"
              tabIndex={0}
              role="region"
              aria-label={t('preview.label', { segment: segment?.name ?? '' })}
              data-testid="export-preview"
            >
              {preview.data.body}
            </pre>
          </details>
        </>
      )}
    </section>
  );
}
