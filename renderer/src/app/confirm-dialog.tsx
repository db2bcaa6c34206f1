import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly keepLabel: string;
  readonly confirmLabel: string;
  readonly pending: boolean;
  readonly pendingLabel: string;
  readonly error?: string;
  readonly danger?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * Asks before something that cannot be undone (delete a destination, remove a segment, cancel an
 * export). Modal: focus starts on the safe choice, Tab stays between the two buttons, Escape
 * keeps things as they are.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const id = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    keepRef.current?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!props.pending) props.onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    event.preventDefault();
    const next = document.activeElement === keepRef.current ? confirmRef : keepRef;
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
        <h2 id={`${id}-title`}>{props.title}</h2>
        <div id={`${id}-body`}>{props.children}</div>
        {props.error && (
          <p role="alert" className="message-error">
            {props.error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" ref={keepRef} onClick={props.onCancel} disabled={props.pending}>
            {props.keepLabel}
          </button>
          <button
            type="button"
            ref={confirmRef}
            className={props.danger ? 'danger' : 'primary'}
            onClick={props.onConfirm}
            disabled={props.pending}
          >
            {props.pending ? props.pendingLabel : props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
