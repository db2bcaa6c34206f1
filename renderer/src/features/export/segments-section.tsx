import { useTranslation } from 'react-i18next';
import { useDestinationService } from './destination-service-context';
import { sectionIds } from './section-ids';
import type { ExportPlanSummary } from '../../../../shared/model/export-plan';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { useNavigation } from '../../app/navigation';
import { useExportFormat } from './format';

/** product.md: more than 100,000 profiles in one export is warned about, never blocked. */
const largeExportThreshold = 100_000;

interface SegmentsSectionProps {
  readonly segments: readonly SegmentSummary[] | undefined;
  readonly selected: readonly string[];
  readonly onToggle: (segmentId: string, selected: boolean) => void;
  /** The engine's counts for the current matching, when they are up to date. */
  readonly plan: ExportPlanSummary | undefined;
}

/** Step 2: the segments to send, with a running total of profiles and the 100,000 warning. */
export function SegmentsSection({ segments, selected, onToggle, plan }: SegmentsSectionProps) {
  const { t } = useTranslation('export');
  const context = useDestinationService();
  const format = useExportFormat();
  const { navigate } = useNavigation();
  const chosen = (segments ?? []).filter((segment) => selected.includes(segment.id));
  const profileOf = (segment: SegmentSummary) =>
    plan?.segments.find((item) => item.segmentId === segment.id)?.valid ?? segment.counts.valid;
  const total = chosen.reduce((sum, segment) => sum + profileOf(segment), 0);
  const exact =
    plan !== undefined &&
    chosen.every((segment) => plan.segments.some((item) => item.segmentId === segment.id));

  return (
    <section className="export-step card" aria-labelledby={sectionIds.segments}>
      <h2 id={sectionIds.segments} tabIndex={-1}>
        {t('segments.title')}
      </h2>
      {segments?.length === 0 && (
        <p>
          {t('segments.none')}{' '}
          <button type="button" onClick={() => navigate({ screen: 'segments' })}>
            {t('segments.goToSegments')}
          </button>
        </p>
      )}
      <ul className="export-segment-list">
        {(segments ?? []).map((segment) => (
          <li key={segment.id}>
            <label className="checkbox-field">
              <input
                type="checkbox"
                checked={selected.includes(segment.id)}
                onChange={(event) => onToggle(segment.id, event.target.checked)}
              />
              <span className="export-segment-name">{segment.name}</span>
              <span className="export-hint">
                {t('segments.fileAndCount', {
                  fileName: segment.fileName,
                  profiles: format.number(profileOf(segment)),
                })}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" className="export-total" data-testid="export-total">
        {chosen.length === 0 ? (
          <p>{t('segments.noneChosen')}</p>
        ) : (
          <p>
            <strong>
              {t('segments.total', {
                profiles: t('segments.profileCount', {
                  count: total,
                  formatted: format.number(total),
                }),
                segments: t('segments.segmentCount', { count: chosen.length }),
              })}
            </strong>{' '}
            {!exact && <span className="export-hint">{t('segments.totalEstimate')}</span>}
          </p>
        )}
      </div>
      {total > largeExportThreshold && (
        <p className="message-warning" role="alert">
          {t('segments.largeWarning', { profiles: format.number(total), context })}
        </p>
      )}
    </section>
  );
}
