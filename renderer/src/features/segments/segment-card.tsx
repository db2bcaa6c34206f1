import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { ConfirmRemoveDialog } from './confirm-remove-dialog';
import { failureOf, importErrorText } from './error-text';
import { useFormatters } from './formatters';
import { ProblemList } from './problem-list';
import type { ChannelInput } from '../../../../shared/ipc/bridge-api';
import { SegmentFormat, type FormatControl } from './segment-format';
import { isRewritten, ShapeChoiceField, useShapeText } from './segment-shape';

/** The control that re-read the segment, focused again on its new card. */
export type CardControl = FormatControl | 'choice';
import { SegmentNameField } from './segment-name-field';
import { SegmentPreview } from './segment-preview';
import { useReimportSegment, useRemoveSegment } from './use-segments';

interface SegmentCardProps {
  readonly segment: SegmentSummary;
  /** The format control to focus when this card replaces one the person was changing. */
  readonly focusControl?: CardControl;
  readonly onReimported: (segment: SegmentSummary, control: CardControl) => void;
  readonly onRemoved: (segment: SegmentSummary) => void;
}

function SegmentCounts({ segment }: { readonly segment: SegmentSummary }) {
  const { t } = useTranslation('segments');
  const format = useFormatters();
  const { counts } = segment;
  const items = [
    ['rows', counts.rows],
    ['valid', counts.valid],
    ['invalid', counts.invalid],
    ['duplicates', counts.duplicates],
    ['blank', counts.blank],
    ['wrongFieldCount', counts.wrongFieldCount],
  ] as const;
  return (
    <dl className="segment-counts">
      {items.map(([key, value]) => (
        <div
          key={key}
          className="segment-count"
          data-count={key}
          data-zero={value === 0 || undefined}
        >
          <dt>{t(`card.${key}`)}</dt>
          <dd>{format.number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One imported segment: its name, what the import found, how the file was read, and its rows. */
export function SegmentCard({ segment, focusControl, onReimported, onRemoved }: SegmentCardProps) {
  const { t } = useTranslation('segments');
  const format = useFormatters();
  const reimport = useReimportSegment();
  const remove = useRemoveSegment();
  const [confirming, setConfirming] = useState(false);
  const reimportFailure =
    reimport.data?.ok === false ? reimport.data.error : failureOf(reimport.error);
  const shapeText = useShapeText(segment);
  const reread = (change: Omit<ChannelInput<'segments:reimport'>, 'id'>, control: CardControl) =>
    reimport.mutate(
      { id: segment.id, ...change },
      {
        onSuccess: (outcome) => {
          if (outcome.ok) onReimported(outcome.segment, control);
        },
      },
    );

  return (
    <article className="card segment-card" aria-label={segment.name} data-testid="segment-card">
      <header className="segment-card-header">
        <SegmentNameField id={segment.id} name={segment.name} />
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('card.remove')}
        </button>
      </header>
      <p className="segment-source">
        {t('card.fromFile', {
          fileName: segment.fileName,
          size: format.bytes(segment.size),
          date: format.date(segment.importedAt),
        })}
      </p>
      {shapeText && (
        <p className="segment-shape" data-testid="segment-shape">
          {shapeText}
        </p>
      )}
      <SegmentCounts segment={segment} />
      {segment.emailColumn ? (
        <p className="segment-email-column">
          {t('card.emailColumn')}: <strong>{segment.emailColumn}</strong>
        </p>
      ) : (
        <p className="message-warning">{t('card.noEmailColumn')}</p>
      )}
      <ShapeChoiceField
        segment={segment}
        busy={reimport.isPending}
        autoFocus={focusControl === 'choice'}
        onChoose={(choice) => reread(choice, 'choice')}
      />
      {!isRewritten(segment.shape) && (
        <SegmentFormat
          segment={segment}
          busy={reimport.isPending}
          autoFocus={focusControl === 'choice' ? undefined : focusControl}
          onChange={reread}
        />
      )}
      <div role="status" className="segment-card-status">
        {reimport.isPending && <p>{t('card.rereading')}</p>}
      </div>
      {reimportFailure && (
        <p role="alert" className="message-error">
          {t('card.reimportError', { message: importErrorText(t, reimportFailure) })}
        </p>
      )}
      <SegmentPreview segment={segment} />
      <ProblemList segment={segment} />
      {confirming && (
        <ConfirmRemoveDialog
          name={segment.name}
          pending={remove.isPending}
          error={
            remove.isError ? t('card.removeError', { message: remove.error.message }) : undefined
          }
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(segment.id, {
              onSuccess: () => {
                setConfirming(false);
                onRemoved(segment);
              },
            })
          }
        />
      )}
    </article>
  );
}
