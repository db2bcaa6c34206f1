import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDestinationService } from './destination-service-context';
import { sectionIds } from './section-ids';
import type {
  DestinationListSummary,
  ExportSegmentInput,
} from '../../../../shared/ipc/channels/exports';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { exportErrorText } from './format';
import { PreviewTable } from './preview-table';
import { useContactPreview } from './use-exports';

/** How many contacts "What will be sent" shows. */
export const previewContactCount = 3;

interface PreviewSectionProps {
  readonly segments: readonly SegmentSummary[];
  /** One per segment, or null while the matching has problems. */
  readonly requests: readonly ExportSegmentInput[] | null;
  readonly lists: readonly DestinationListSummary[] | undefined;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Step 5: the first contacts exactly as the request to Autopilot carries them. */
export function PreviewSection({ segments, requests, lists }: PreviewSectionProps) {
  const { t } = useTranslation('export');
  const context = useDestinationService();
  const id = useId();
  const [picked, setPicked] = useState<string>();
  const request = requests?.find((item) => item.segmentId === picked) ?? requests?.[0];
  const list = request && lists?.find((item) => sameName(item.name, request.listName));
  const preview = useContactPreview(
    request ? { segment: request, listId: list?.id ?? null, limit: previewContactCount } : null,
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
          {t('preview.error', { message: exportErrorText(t, preview.error) })}
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
            body={preview.data.body}
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
