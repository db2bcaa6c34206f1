import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/confirm-dialog';

interface ConfirmDeleteDialogProps {
  readonly name: string;
  readonly pending: boolean;
  readonly error?: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Asks before a destination and its key are removed. */
export function ConfirmDeleteDialog({ name, ...actions }: ConfirmDeleteDialogProps) {
  const { t } = useTranslation('destinations');
  return (
    <ConfirmDialog
      title={t('deleteDialog.title', { name })}
      keepLabel={t('deleteDialog.cancel')}
      confirmLabel={t('deleteDialog.confirm')}
      pendingLabel={t('deleteDialog.deleting')}
      danger
      {...actions}
    >
      <p>{t('deleteDialog.body')}</p>
    </ConfirmDialog>
  );
}
