import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useExportFormat } from './format';

export interface ConsentFacts {
  readonly profiles: number;
  readonly leftOut: number;
  readonly large: boolean;
  readonly destination: { readonly displayName: string; readonly endpoint: string };
  /** Field names with their kind, as the receipt records them. */
  readonly fields: readonly string[];
  readonly segments: readonly { readonly name: string; readonly listName: string }[];
  /** The preview of changes (issue 13); leaving counts only when mirroring. */
  readonly changes?: {
    readonly new: number;
    readonly changed: number;
    readonly unchanged: number;
    readonly leaving: number;
    readonly full: boolean;
  };
}

interface ConsentDialogProps {
  readonly facts: ConsentFacts;
  readonly pending: boolean;
  readonly error?: string;
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

/**
 * Step 4 of product.md: before anything leaves the computer, how many profiles, which fields, to
 * which account, and the compliance text. Nothing is sent until the box is ticked and Confirm is
 * pressed; Cancel (or Escape) sends nothing.
 */
export function ConsentDialog({ facts, pending, error, onConfirm, onCancel }: ConsentDialogProps) {
  const { t } = useTranslation('export');
  const format = useExportFormat();
  const id = useId();
  const [agreed, setAgreed] = useState(false);
  const checkboxRef = useRef<HTMLInputElement>(null);
  const profiles = format.number(facts.profiles);
  const segmentNames = facts.segments.map((segment) => `“${segment.name}”`).join(', ');

  useEffect(() => {
    checkboxRef.current?.focus();
  }, []);

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
        <h2 id={`${id}-title`}>
          {t('consent.title', { profiles, destination: facts.destination.displayName })}
        </h2>
        <dl className="export-consent-facts">
          <dt>{t('consent.profiles')}</dt>
          <dd data-fact="profiles">
            {t('consent.profilesValue', { profiles, segments: segmentNames })}
            {facts.leftOut > 0 && (
              <span className="export-hint">
                {' '}
                {t('consent.leftOut', {
                  count: facts.leftOut,
                  formatted: format.number(facts.leftOut),
                })}
              </span>
            )}
          </dd>
          {facts.changes && (
            <>
              <dt>{t('consent.changes')}</dt>
              <dd data-fact="changes">
                {t(facts.changes.full ? 'consent.changesFull' : 'consent.changesValue', {
                  new: format.number(facts.changes.new),
                  changed: format.number(facts.changes.changed),
                  unchanged: format.number(facts.changes.unchanged),
                  leaving: format.number(facts.changes.leaving),
                })}
              </dd>
            </>
          )}
          <dt>{t('consent.fields')}</dt>
          <dd data-fact="fields">{facts.fields.join(', ')}</dd>
          <dt>{t('consent.destination')}</dt>
          <dd data-fact="destination">
            {t('consent.destinationValue', {
              name: facts.destination.displayName,
              endpoint: facts.destination.endpoint,
            })}
          </dd>
          <dt>{t('consent.lists')}</dt>
          <dd data-fact="lists">
            {facts.segments
              .map((segment) =>
                t('consent.listValue', { segment: segment.name, list: segment.listName }),
              )
              .join('; ')}
          </dd>
        </dl>
        {facts.large && <p className="message-warning">{t('consent.largeWarning')}</p>}
        <p id={`${id}-terms`} className="export-consent-terms">
          {t('consent.terms')}
        </p>
        <label className="checkbox-field">
          <input
            ref={checkboxRef}
            type="checkbox"
            checked={agreed}
            disabled={pending}
            onChange={(event) => setAgreed(event.target.checked)}
          />
          {t('consent.agree')}
        </label>
        {error && (
          <p role="alert" className="message-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={onCancel} disabled={pending}>
            {t('consent.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={onConfirm}
            disabled={!agreed || pending}
          >
            {pending ? t('consent.sending') : t('consent.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
