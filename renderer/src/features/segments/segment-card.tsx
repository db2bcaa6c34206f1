import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { ColumnNames } from './column-names';
import { ConfirmRemoveDialog } from './confirm-remove-dialog';
import { errorText } from '../../i18n/error-text';
import { failureOf } from './failure-of';
import { useFormatters } from './formatters';
import { ProblemList } from './problem-list';
import type { ChannelInput } from '../../../../shared/ipc/bridge-api';
import { SegmentFormat, type FormatControl } from './segment-format';
import { isRewritten, ShapeChoiceField, useShapeText } from './segment-shape';

/** The control that re-read the segment, focused again on its new card. */
export type CardControl = FormatControl | 'choice' | 'names';
import { SegmentNameField } from './segment-name-field';
import { SegmentPreview } from './segment-preview';
import { useReimportSegment, useRemoveSegment } from './use-segments';

interface SegmentCardProps {
  readonly segment: SegmentSummary;
  /** The format control to focus when this card replaces one the person was changing. */
  readonly focusControl?: CardControl;
  readonly onReimported: (segment: SegmentSummary, control: CardControl) => void;
  readonly onRemoved: (segment: SegmentSummary) => void;
  /** Whether the details (reading, first rows, problems) start open; the person can toggle them. */
  readonly detailsOpen: boolean;
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

/** How the file was read (changeable), its first rows and its first problems: shown on demand. */
function SegmentDetails(props: {
  readonly segment: SegmentSummary;
  readonly busy: boolean;
  readonly focusControl: CardControl | undefined;
  readonly onChange: (
    change: Omit<ChannelInput<'segments:reimport'>, 'id'>,
    control: CardControl,
  ) => void;
}) {
  const { segment, focusControl } = props;
  const formatFocus =
    focusControl === 'encoding' || focusControl === 'delimiter' ? focusControl : undefined;
  return (
    <>
      {!isRewritten(segment.shape) && (
        <SegmentFormat
          segment={segment}
          busy={props.busy}
          autoFocus={formatFocus}
          onChange={props.onChange}
        />
      )}
      {segment.headerless && (
        <ColumnNames
          // A new segment (the names saved) starts its own draft.
          key={segment.id}
          segment={segment}
          busy={props.busy}
          autoFocus={focusControl === 'names'}
          onSave={(columnNames) =>
            props.onChange(
              { encoding: segment.encoding, delimiter: segment.delimiter, columnNames },
              'names',
            )
          }
        />
      )}
      <SegmentPreview segment={segment} />
      <ProblemList segment={segment} />
    </>
  );
}

/** One imported segment: its name, what the import found, how the file was read, and its rows. */
export function SegmentCard(props: SegmentCardProps) {
  const { segment, focusControl, onReimported, onRemoved } = props;
  const { t } = useTranslation('segments');
  const format = useFormatters();
  const reimport = useReimportSegment();
  const remove = useRemoveSegment();
  const { navigate } = useNavigation();
  const [confirming, setConfirming] = useState(false);
  const [open, setOpen] = useState(props.detailsOpen);
  const detailsId = `segment-details-${segment.id}`;
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
        <button
          type="button"
          className="primary"
          onClick={() => navigate({ screen: 'export', segmentIds: [segment.id] })}
        >
          {t('card.exportThis')}
        </button>
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
      <button
        type="button"
        className="segment-details-toggle"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
      >
        {t(open ? 'card.hideDetails' : 'card.showDetails')}
      </button>
      <div id={detailsId} className="segment-details" hidden={!open}>
        {open && (
          <SegmentDetails
            segment={segment}
            busy={reimport.isPending}
            focusControl={focusControl}
            onChange={reread}
          />
        )}
      </div>
      <div role="status" className="segment-card-status">
        {reimport.isPending && <p>{t('card.rereading')}</p>}
      </div>
      {reimportFailure && (
        <p role="alert" className="message-error">
          {t('card.reimportError', { message: errorText(reimportFailure, t) })}
        </p>
      )}
      {confirming && (
        <ConfirmRemoveDialog
          name={segment.name}
          pending={remove.isPending}
          error={
            remove.isError
              ? t('card.removeError', { message: errorText(remove.error, t) })
              : undefined
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
