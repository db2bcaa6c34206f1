import { useTranslation } from 'react-i18next';
import type { ExportPlanSummary } from '../../../../shared/model/export-plan';
import type { Misfit } from '../../../../shared/model/misfit';
import { ConfirmDialog } from '../../app/confirm-dialog';
import { fieldLabel } from './field-label';
import { useExportFormat } from './format';
import { emailConsentField } from '../../../../shared/matching/field-mapping';

/** Fields where more than a fifth of the contacts carry a value that does not fit (main judges). */
export function suspiciousMisfits(plan: ExportPlanSummary | undefined): Misfit[] {
  return (plan?.segments ?? []).flatMap((segment) =>
    segment.misfits.filter((misfit) => misfit.suspicious),
  );
}

interface RightColumnDialogProps {
  readonly misfits: readonly Misfit[];
  readonly onSendAnyway: () => void;
  readonly onChangeMatching: () => void;
}

/**
 * Issue 17, item 1: mapping Loyalty Points to the wrong column once took an export from 202,868
 * profiles to 470 with only a yellow note. Now the contacts are sent without those values, and
 * before the consent the person is asked whether the column is the right one.
 */
export function RightColumnDialog({
  misfits,
  onSendAnyway,
  onChangeMatching,
}: RightColumnDialogProps) {
  const { t } = useTranslation('export');
  const format = useExportFormat();
  const label = (misfit: Misfit) =>
    misfit.field === emailConsentField
      ? fieldLabel(t, { kind: 'consent', optedOut: 'leave-out' })
      : fieldLabel(t, {
          kind: 'custom',
          name: t(`fields.${misfit.field}`, { defaultValue: misfit.field }),
          type: misfit.type,
        });
  return (
    <ConfirmDialog
      title={t('rightColumn.title')}
      keepLabel={t('rightColumn.change')}
      confirmLabel={t('rightColumn.sendAnyway')}
      pending={false}
      pendingLabel=""
      onCancel={onChangeMatching}
      onConfirm={onSendAnyway}
    >
      <ul>
        {misfits.map((misfit) => (
          <li key={`${misfit.field}-${misfit.column}`}>
            {t('rightColumn.field', {
              count: misfit.count,
              formatted: format.number(misfit.count),
              field: label(misfit),
              column: misfit.column,
              type: t(`types.${misfit.type}`),
              examples: misfit.examples.map((value) => `“${value}”`).join(', '),
            })}
          </li>
        ))}
      </ul>
      <p>{t('rightColumn.body')}</p>
    </ConfirmDialog>
  );
}
