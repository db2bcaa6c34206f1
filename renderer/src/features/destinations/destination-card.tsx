import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestinationSummary } from '../../../../shared/model/destinations';
import { useServiceLabel } from '../../app/service-label';
import { ConfirmDeleteDialog } from './confirm-delete-dialog';
import { ConnectResult } from './connect-result';
import { EditDestinationForm } from './edit-destination-form';
import { errorText } from '../../i18n/error-text';
import { keyCheckText } from './key-check-text';
import { KeyStatus } from './key-status';
import { ReplaceKeyForm } from './replace-key-form';
import { useConnectDestination, useDeleteDestination } from './use-destinations';

interface DestinationCardProps {
  readonly destination: DestinationSummary;
  readonly focusOnMount?: boolean;
  readonly onDeleted: (destination: DestinationSummary) => void;
}

type Mode = 'view' | 'edit' | 'replace-key';

function useFormattedDate(iso: string): string {
  const { i18n } = useTranslation();
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** One destination: its details, key status and actions (Connect, Edit, Replace key, Delete). */
export function DestinationCard({ destination, focusOnMount, onDeleted }: DestinationCardProps) {
  const { t } = useTranslation('destinations');
  const connect = useConnectDestination();
  const remove = useDeleteDestination();
  const [mode, setMode] = useState<Mode>('view');
  const [keyNotice, setKeyNotice] = useState<string | false>(false);
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const replaceRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const agreedOn = useFormattedDate(destination.privacyAgreement.agreedAt);
  const headingId = useId();
  const serviceLabel = useServiceLabel();
  const service = destination.service;

  const [focusAfterForm, setFocusAfterForm] = useState<RefObject<HTMLButtonElement | null>>();

  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);

  useEffect(() => {
    // Back on the button that opened the form, once the form is gone and the button is back.
    if (mode === 'view' && focusAfterForm) {
      focusAfterForm.current?.focus();
      setFocusAfterForm(undefined);
    }
  }, [mode, focusAfterForm]);

  function backToView(focus: RefObject<HTMLButtonElement | null>) {
    setMode('view');
    setFocusAfterForm(focus);
  }

  return (
    <article className="card destination-card" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {destination.displayName}
      </h2>
      <dl className="details destination-details">
        <dt>{t('card.service')}</dt>
        <dd data-detail="service">{serviceLabel(service, destination.region)}</dd>
        <dt>{t('card.endpoint')}</dt>
        <dd className="path">{destination.endpoint}</dd>
        <dt>{t('card.requestRate')}</dt>
        <dd>{t('card.requestRateValue', { rate: destination.requestsPerSecond })}</dd>
        <dt>{t('card.agreement')}</dt>
        <dd>
          {t('card.agreementValue', { date: agreedOn, user: destination.privacyAgreement.osUser })}
        </dd>
      </dl>
      <KeyStatus destinationId={destination.id} />
      {keyNotice && (
        <p className="message-success" role="status">
          {keyNotice}
        </p>
      )}
      {mode === 'edit' && (
        <EditDestinationForm destination={destination} onDone={() => backToView(editRef)} />
      )}
      {mode === 'replace-key' && (
        <ReplaceKeyForm
          destinationId={destination.id}
          service={service}
          onReplaced={(keyCheck) => {
            const keys = {
              checked: 'replaceKey.savedChecked',
              unchecked: 'replaceKey.savedUnchecked',
            };
            setKeyNotice(keyCheckText(t, keyCheck, keys, service) ?? t('replaceKey.saved'));
            connect.reset();
            backToView(replaceRef);
          }}
          onCancel={() => backToView(replaceRef)}
        />
      )}
      {mode === 'view' && (
        <div
          className="card-actions"
          role="group"
          aria-label={t('card.actions', { name: destination.displayName })}
        >
          <button
            type="button"
            className="primary"
            disabled={connect.isPending}
            onClick={() => {
              setKeyNotice(false);
              connect.mutate(destination.id);
            }}
          >
            {t('card.connect')}
          </button>
          <button type="button" ref={editRef} onClick={() => setMode('edit')}>
            {t('card.edit')}
          </button>
          <button
            type="button"
            ref={replaceRef}
            onClick={() => {
              setKeyNotice(false);
              setMode('replace-key');
            }}
          >
            {t('card.replaceKey')}
          </button>
          <button
            type="button"
            ref={deleteRef}
            className="danger"
            onClick={() => setConfirming(true)}
          >
            {t('card.delete')}
          </button>
        </div>
      )}
      <ConnectResult
        service={service}
        state={{
          pending: connect.isPending,
          outcome: connect.data,
          error: connect.error ?? undefined,
        }}
      />
      {confirming && (
        <ConfirmDeleteDialog
          name={destination.displayName}
          service={service}
          pending={remove.isPending}
          error={remove.error ? errorText(remove.error, t, service) : undefined}
          onCancel={() => {
            setConfirming(false);
            remove.reset();
            deleteRef.current?.focus();
          }}
          onConfirm={() =>
            remove.mutate(destination.id, { onSuccess: () => onDeleted(destination) })
          }
        />
      )}
    </article>
  );
}
