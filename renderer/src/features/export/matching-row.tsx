import { useTranslation } from 'react-i18next';
import type { Misfit } from '../../../../shared/model/misfit';
import type { OptedOutChoice } from '../../../../shared/matching/field-mapping';
import { emailConsentField } from '../../../../shared/matching/field-mapping';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { OptedOutChoiceField } from './opted-out-choice';
import { fieldLabel } from './field-label';
import { useExportFormat } from './format';
import { sampleValues, type MatchRow } from './match-rows';

/** Email, First name and Last name are always in the table (they can be left unsent). */
const fixedRows = new Set(['email', 'standard:FirstName', 'standard:LastName']);

export function fieldKeyOf(row: MatchRow): string {
  if (row.target.kind === 'email') return 'Email';
  if (row.target.kind === 'consent') return emailConsentField;
  return row.target.kind === 'standard' ? row.target.key : row.target.name;
}

interface MatchingRowProps {
  readonly row: MatchRow;
  /** The segment whose header and first rows the table shows. */
  readonly segment: SegmentSummary;
  readonly sharedColumn: boolean;
  readonly misfits: readonly Misfit[];
  /** Null, or "required" / "custom, whole number" / "new custom field, date". */
  readonly kindNote: string | null;
  readonly onColumn: (column: string) => void;
  readonly onRemove: () => void;
  /** The consent row only: what to do with the rows that say no. */
  readonly onOptedOut?: (choice: OptedOutChoice) => void;
}

function useMisfitText(misfits: readonly Misfit[]): string | null {
  const { t } = useTranslation('export');
  const format = useExportFormat();
  const count = misfits.reduce((sum, misfit) => sum + misfit.count, 0);
  if (count === 0) return null;
  const examples = [...new Set(misfits.flatMap((misfit) => misfit.examples))]
    .slice(0, 3)
    .map((value) => `“${value}”`)
    .join(', ');
  const type = t(`types.${misfits[0]?.type ?? 'string'}`);
  return t('matching.misfits', { count, formatted: format.number(count), type, examples });
}

/** One Autopilot field, the column feeding it, sample values, and what is wrong with it. */
export function MatchingRow(props: MatchingRowProps) {
  const { row, segment, sharedColumn, kindNote } = props;
  const { t } = useTranslation('export');
  const label = fieldLabel(t, row.target);
  const misfit = useMisfitText(props.misfits);
  const samples = sampleValues(segment.columns, segment.preview, row.column);
  const emailMissing = row.target.kind === 'email' && row.column === '';
  return (
    <tr data-field={fieldKeyOf(row)}>
      <th scope="row">
        {label}
        {kindNote && <span className="export-field-kind"> ({kindNote})</span>}
      </th>
      <td>
        <select
          aria-label={t('matching.columnFor', { field: label })}
          value={row.column}
          aria-invalid={sharedColumn || emailMissing || undefined}
          onChange={(event) => props.onColumn(event.target.value)}
        >
          <option value="">{t('matching.notSent')}</option>
          {segment.columns.map((column) => (
            <option key={column} value={column}>
              {column}
            </option>
          ))}
        </select>
        {sharedColumn && (
          <p className="field-error" data-check="shared-column">
            {t('matching.sharedColumn', { column: row.column })}
          </p>
        )}
        {misfit && (
          <p className="message-warning export-misfit" data-check="misfit">
            {misfit}
          </p>
        )}
        {row.target.kind === 'consent' && row.column !== '' && props.onOptedOut && (
          <OptedOutChoiceField choice={row.target.optedOut} onChange={props.onOptedOut} />
        )}
      </td>
      <td className="export-samples">
        {row.column !== '' &&
          (samples.length > 0
            ? // Each value whole on its line, cut with an ellipsis rather than broken mid-word.
              samples.map((value, index) => (
                <span key={value} className="export-sample" title={value}>
                  {index > 0 && ' · '}
                  {value}
                </span>
              ))
            : t('matching.noSamples'))}
      </td>
      <td>
        {!fixedRows.has(row.id) && (
          <button
            type="button"
            aria-label={t('matching.removeField', { field: label })}
            onClick={props.onRemove}
          >
            {t('matching.remove')}
          </button>
        )}
      </td>
    </tr>
  );
}
