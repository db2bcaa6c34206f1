import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmRemoveDialogProps {
  readonly name: string;
  readonly pending: boolean;
  readonly error?: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Asks before a segment's saved copy is deleted. Focus starts on the safe choice; Escape keeps it. */
export function ConfirmRemoveDialog({
  name,
  pending,
  error,
  onConfirm,
  onCancel,
}: ConfirmRemoveDialogProps) {
  const { t } = useTranslation('segments');
  const id = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    keepRef.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!pending) onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    // Two buttons: Tab moves between them and never leaves the dialog.
    event.preventDefault();
    const next = document.activeElement === keepRef.current ? removeRef : keepRef;
    next.current?.focus();
  }

  return (
    <div className="segment-dialog-backdrop">
      <div
        className="segment-dialog card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{t('removeDialog.title', { name })}</h2>
        <p id={`${id}-body`}>{t('removeDialog.body')}</p>
        {error && (
          <p role="alert" className="message-error">
            {error}
          </p>
        )}
        <div className="segment-dialog-actions">
          <button type="button" ref={keepRef} onClick={onCancel} disabled={pending}>
            {t('removeDialog.cancel')}
          </button>
          <button
            type="button"
            ref={removeRef}
            className="danger"
            onClick={onConfirm}
            disabled={pending}
          >
            {pending ? t('removeDialog.removing') : t('removeDialog.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
