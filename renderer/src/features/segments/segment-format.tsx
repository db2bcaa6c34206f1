import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  delimiterNames,
  segmentDelimiters,
  segmentEncodings,
  type SegmentDelimiter,
  type SegmentEncoding,
} from '../../../../shared/segments/import-report';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';

export type FormatControl = 'encoding' | 'delimiter';

interface SegmentFormatProps {
  readonly segment: SegmentSummary;
  readonly busy: boolean;
  readonly autoFocus?: FormatControl;
  readonly onChange: (
    change: { encoding: SegmentEncoding; delimiter: SegmentDelimiter },
    control: FormatControl,
  ) => void;
}

/** The detected encoding and separator, each overridable: the file is then read again. */
export function SegmentFormat({ segment, busy, autoFocus, onChange }: SegmentFormatProps) {
  const { t } = useTranslation('segments');
  const id = useId();
  return (
    <fieldset className="segment-format" disabled={busy}>
      <legend>{t('card.format')}</legend>
      <div className="segment-format-field">
        <label htmlFor={`${id}-encoding`}>{t('card.encoding')}</label>
        <select
          id={`${id}-encoding`}
          value={segment.encoding}
          autoFocus={autoFocus === 'encoding'}
          onChange={(event) =>
            onChange(
              { encoding: event.target.value as SegmentEncoding, delimiter: segment.delimiter },
              'encoding',
            )
          }
        >
          {segmentEncodings.map((encoding) => (
            <option key={encoding} value={encoding}>
              {t(`encodings.${encoding}`)}
            </option>
          ))}
        </select>
        {segment.hasBom && <span className="segment-format-note">{t('card.withBom')}</span>}
      </div>
      <div className="segment-format-field">
        <label htmlFor={`${id}-delimiter`}>{t('card.delimiter')}</label>
        <select
          id={`${id}-delimiter`}
          value={segment.delimiter}
          autoFocus={autoFocus === 'delimiter'}
          onChange={(event) =>
            onChange(
              { encoding: segment.encoding, delimiter: event.target.value as SegmentDelimiter },
              'delimiter',
            )
          }
        >
          {segmentDelimiters.map((delimiter) => (
            <option key={delimiter} value={delimiter}>
              {t(`delimiters.${delimiterNames[delimiter]}`)}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
