import { useTranslation } from 'react-i18next';
import type { AutomationView } from '../../../../shared/ipc/channels/automation';
import { ConfirmDialog } from '../../app/confirm-dialog';
import { useErrorText } from '../../i18n/error-text';
import { useDisableAutomation } from './use-automation';

/** Turning an automation off asks first: its standing consent is revoked (issue 18, item 2). */
export function TurnOffDialog({ view, onClose }: { view: AutomationView; onClose: () => void }) {
  const { t } = useTranslation('automation');
  const errorText = useErrorText();
  const disable = useDisableAutomation();
  return (
    <ConfirmDialog
      title={t('turnOff.title', { name: view.setupName })}
      keepLabel={t('turnOff.keep')}
      confirmLabel={t('turnOff.confirm')}
      pendingLabel={t('turnOff.working')}
      pending={disable.isPending}
      error={disable.error ? errorText(disable.error) : undefined}
      danger
      onCancel={onClose}
      onConfirm={() => disable.mutate(view.setupId, { onSuccess: onClose })}
    >
      <p>{t('turnOff.body')}</p>
    </ConfirmDialog>
  );
}
