import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/confirm-dialog';

interface ConfirmRemoveDialogProps {
  readonly name: string;
  readonly pending: boolean;
  readonly error?: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Asks before a segment's saved copy is deleted. */
export function ConfirmRemoveDialog({ name, ...actions }: ConfirmRemoveDialogProps) {
  const { t } = useTranslation('segments');
  return (
    <ConfirmDialog
      title={t('removeDialog.title', { name })}
      keepLabel={t('removeDialog.cancel')}
      confirmLabel={t('removeDialog.confirm')}
      pendingLabel={t('removeDialog.removing')}
      danger
      {...actions}
    >
      <p>{t('removeDialog.body')}</p>
    </ConfirmDialog>
  );
}
