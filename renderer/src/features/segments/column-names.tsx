import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';

interface ColumnNamesProps {
  readonly segment: SegmentSummary;
  readonly busy: boolean;
  readonly autoFocus: boolean;
  readonly onSave: (columnNames: string[]) => void;
}

/**
 * A file without a header row has columns called "Column 1", "Column 2"... (issue 14, item 2):
 * the person names them here, beside each column's first value, so matching reads like the data.
 * Saving reads the file again under those names (a new segment, as every re-read is).
 */
export function ColumnNames({ segment, busy, autoFocus, onSave }: ColumnNamesProps) {
  const { t } = useTranslation('segments');
  const baseId = useId();
  const [names, setNames] = useState<string[]>(() => [...segment.columns]);
  const changed = names.some((name, index) => name.trim() !== segment.columns[index]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (changed) onSave(names.map((name) => name.trim()));
  }

  return (
    <form className="segment-column-names" onSubmit={submit}>
      <fieldset>
        <legend>{t('columnNames.legend')}</legend>
        <p className="segment-column-hint">{t('columnNames.hint')}</p>
        <div className="segment-column-names-grid">
          {segment.columns.map((column, index) => {
            const inputId = `${baseId}-${index}`;
            const sample = segment.preview[0]?.[index] ?? '';
            return (
              <div key={column} className="segment-column-name">
                <label htmlFor={inputId}>{t('columnNames.label', { number: index + 1 })}</label>
                <input
                  id={inputId}
                  value={names[index] ?? ''}
                  maxLength={255}
                  autoFocus={autoFocus && index === 0}
                  aria-describedby={sample ? `${inputId}-sample` : undefined}
                  onChange={(event) =>
                    setNames((current) =>
                      current.map((name, at) => (at === index ? event.target.value : name)),
                    )
                  }
                />
                {sample && (
                  <span id={`${inputId}-sample`} className="segment-column-sample">
                    {t('columnNames.sample', { value: sample })}
                  </span>
                )}
              </div>
            );
          })}
        </div>
        <button type="submit" disabled={busy || !changed}>
          {t('columnNames.save')}
        </button>
      </fieldset>
    </form>
  );
}
