import { useTranslation } from 'react-i18next';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { useFormatters } from './formatters';

/** Rows shown on the card; the import keeps a few more for matching samples. */
const shownRows = 8;

/** The first rows as a table, the email column marked, wide tables scrolling sideways. */
export function SegmentPreview({ segment }: { readonly segment: SegmentSummary }) {
  const { t } = useTranslation('segments');
  const format = useFormatters();
  const rows = segment.preview.slice(0, shownRows);
  const emailIndex = segment.emailColumn ? segment.columns.indexOf(segment.emailColumn) : -1;
  const label = t('card.previewLabel', { name: segment.name });
  return (
    <section className="segment-preview" aria-label={t('card.preview')}>
      <h2>{t('card.preview')}</h2>
      {/* Focusable so the keyboard can scroll a wide table. */}
      <div className="segment-preview-scroll" tabIndex={0} role="region" aria-label={label}>
        <table>
          <thead>
            <tr>
              {segment.columns.map((column, index) => (
                <th key={index} scope="col" data-email={index === emailIndex || undefined}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, rowIndex) => (
              <tr key={rowIndex}>
                {segment.columns.map((_column, index) => (
                  <td
                    key={index}
                    title={cells[index]}
                    data-email={index === emailIndex || undefined}
                  >
                    {cells[index] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="segment-preview-note">
        {t('card.previewNote', {
          shown: format.number(rows.length),
          rows: format.number(segment.counts.rows),
        })}
      </p>
    </section>
  );
}
