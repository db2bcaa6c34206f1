import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/confirm-dialog';
import type { DestinationService } from '../../../../shared/model/destination-service';

interface ConfirmDeleteDialogProps {
  readonly name: string;
  /** The product whose contacts stay where they are. */
  readonly service: DestinationService;
  readonly pending: boolean;
  readonly error?: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Asks before a destination and its key are removed. */
export function ConfirmDeleteDialog({ name, service, ...actions }: ConfirmDeleteDialogProps) {
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
      <p>{t('deleteDialog.body', { context: service })}</p>
    </ConfirmDialog>
  );
}
