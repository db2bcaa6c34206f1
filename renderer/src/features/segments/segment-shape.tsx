import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentShape, ShapeChoice } from '../../../../shared/segments/segment-shape';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { useFormatters } from './formatters';

/** Workbooks and export folders are rewritten as UTF-8 CSV: encoding and separator do not apply. */
export function isRewritten(shape: SegmentShape | undefined): boolean {
  const read = shape?.inner ?? shape?.source;
  return read === 'xlsx' || read === 'cdm';
}

/** "Customer Insights export, 3 parts, 2,400 rows", "Workbook, sheet Contacts", "Zip file, …". */
export function useShapeText(segment: SegmentSummary): string | null {
  const { t } = useTranslation('segments');
  const format = useFormatters();
  const shape = segment.shape;
  if (!shape || shape.source === 'csv') return null;
  const read = shape.inner ?? (shape.source === 'zip' ? 'csv' : shape.source);
  const what =
    read === 'cdm'
      ? t('shape.cdm', {
          count: shape.parts ?? 0,
          parts: format.number(shape.parts ?? 0),
          rows: format.number(segment.counts.rows),
          entity: shape.entity ?? '',
        })
      : read === 'xlsx'
        ? t('shape.xlsx', { sheet: shape.sheet ?? '' })
        : read === 'gzip'
          ? t('shape.gzip')
          : null;
  if (shape.source !== 'zip') return what;
  return what === null ? t('shape.zip') : t('shape.zipHolding', { what });
}

interface ShapeChoiceProps {
  readonly segment: SegmentSummary;
  readonly busy: boolean;
  readonly autoFocus: boolean;
  readonly onChoose: (choice: ShapeChoice) => void;
}

/** The workbook's other sheets, or the export's other tables: picking one reads it instead. */
export function ShapeChoiceField({ segment, busy, autoFocus, onChoose }: ShapeChoiceProps) {
  const { t } = useTranslation('segments');
  const id = useId();
  const shape = segment.shape;
  const current = shape?.sheet ?? shape?.entity;
  if (!shape?.choices?.length || current === undefined) return null;
  const isSheet = shape.sheet !== undefined;
  return (
    <div className="segment-format-field">
      <label htmlFor={`${id}-choice`}>{isSheet ? t('shape.sheet') : t('shape.entity')}</label>
      <select
        id={`${id}-choice`}
        value={current}
        disabled={busy}
        autoFocus={autoFocus}
        onChange={(event) =>
          onChoose(isSheet ? { sheet: event.target.value } : { entity: event.target.value })
        }
      >
        {[current, ...shape.choices].map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
