import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermsLanguage } from '../../../../shared/model/consent-terms';

interface ConsentFrameProps {
  readonly title: string;
  /** What will be sent, where, and anything else to answer (a warning, a question). */
  readonly children: ReactNode;
  /** The compliance terms, in the words of shared/model/consent-terms.ts. */
  readonly terms: string;
  readonly agreeLabel: string;
  readonly confirmLabel: string;
  readonly pendingLabel: string;
  readonly cancelLabel: string;
  readonly pending: boolean;
  readonly error?: string;
  /** False while something the dialog asks is still unanswered (Confirm stays disabled). */
  readonly ready?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

const focusable = 'button:not(:disabled), input:not(:disabled), [tabindex="0"]';

/** Keeps Tab inside the dialog: from the last control back to the first, and the other way. */
function trapTab(event: KeyboardEvent<HTMLDivElement>) {
  const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(focusable));
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** The language the terms were read in, as the receipt records it. */
export function useTermsLanguage(): TermsLanguage {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'ca' ? 'ca' : 'en';
}

/**
 * What every consent dialog shares (the one before an export, the standing one of an automatic
 * export): modal, the facts, the terms, the "I understand" box that must be ticked before
 * Confirm, Cancel or Escape to send nothing. Focus starts on the box and stays in the dialog.
 */
export function ConsentFrame(props: ConsentFrameProps) {
  const { pending, error, onCancel } = props;
  const id = useId();
  const [agreed, setAgreed] = useState(false);
  const checkboxRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    checkboxRef.current?.focus();
  }, []);

  useEffect(() => {
    // Confirm was disabled while pending, so the focus fell to the page and Escape stopped
    // working (issue 17, item 7): after a failure it goes back to Confirm, inside the dialog.
    if (error && !pending) confirmRef.current?.focus();
  }, [error, pending]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!pending) onCancel();
    } else if (event.key === 'Tab') {
      trapTab(event);
    }
  }

  return (
    <div className="dialog-backdrop">
      <div
        className="export-dialog card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-terms`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`}>{props.title}</h2>
        {props.children}
        <p id={`${id}-terms`} className="export-consent-terms">
          {props.terms}
        </p>
        <label className="checkbox-field">
          <input
            ref={checkboxRef}
            type="checkbox"
            checked={agreed}
            disabled={pending}
            onChange={(event) => setAgreed(event.target.checked)}
          />
          {props.agreeLabel}
        </label>
        {error && (
          <p role="alert" className="message-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={onCancel} disabled={pending}>
            {props.cancelLabel}
          </button>
          <button
            ref={confirmRef}
            type="button"
            className="primary"
            onClick={props.onConfirm}
            disabled={!agreed || pending || props.ready === false}
          >
            {pending ? props.pendingLabel : props.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
