import { useTranslation } from 'react-i18next';
import type { ExportPlanSummary } from '../../../../shared/model/export-plan';
import { useExportFormat } from './format';

/**
 * The engine's counts, each reason labelled as itself (issue 17, item 1): no usable email,
 * duplicates, opted out; and what is sent differently: values left out, contacts sent suppressed.
 */
export function PlanCounts({ plan }: { readonly plan: ExportPlanSummary }) {
  const { t } = useTranslation('export');
  const format = useExportFormat();
  const { totals } = plan;
  const parts = [
    { count: totals.invalid, key: 'summary.invalid' },
    { count: totals.duplicates, key: 'summary.duplicates' },
    { count: totals.optedOut, key: 'summary.optedOut' },
  ].filter((part) => part.count > 0);
  const notes = [
    { count: totals.misfitValues, key: 'summary.misfitValues' },
    { count: totals.unsubscribed, key: 'summary.unsubscribed' },
  ].filter((part) => part.count > 0);
  const words = (part: { count: number; key: string }) =>
    t(part.key, { count: part.count, formatted: format.number(part.count) });
  return (
    <div data-testid="export-counts" aria-live="polite">
      <p>
        <strong className="export-footer-total">
          {t('summary.total', { count: totals.valid, formatted: format.number(totals.valid) })}
        </strong>
        {parts.length > 0 && ` ${t('summary.leftOut', { reasons: parts.map(words).join(', ') })}`}
      </p>
      {notes.map((note) => (
        <p key={note.key} className="export-hint">
          {words(note)}
        </p>
      ))}
    </div>
  );
}
