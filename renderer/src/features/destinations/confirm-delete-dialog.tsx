import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDeleteDialogProps {
  readonly name: string;
  readonly pending: boolean;
  readonly error?: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * Asks before a destination and its key are removed. Modal: the focus starts on Cancel (the safe
 * choice), Tab stays inside, Escape cancels.
 */
export function ConfirmDeleteDialog({
  name,
  pending,
  error,
  onConfirm,
  onCancel,
}: ConfirmDeleteDialogProps) {
  const { t } = useTranslation('destinations');
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!pending) onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    // Two buttons: Tab and Shift+Tab go from one to the other and never leave the dialog.
    event.preventDefault();
    const next = document.activeElement === cancelRef.current ? confirmRef : cancelRef;
    next.current?.focus();
  }

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{t('deleteDialog.title', { name })}</h2>
        <p id={`${id}-body`}>{t('deleteDialog.body')}</p>
        {error && (
          <p role="alert" className="message-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" ref={cancelRef} onClick={onCancel} disabled={pending}>
            {t('deleteDialog.cancel')}
          </button>
          <button
            type="button"
            ref={confirmRef}
            className="danger"
            onClick={onConfirm}
            disabled={pending}
          >
            {pending ? t('deleteDialog.deleting') : t('deleteDialog.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
