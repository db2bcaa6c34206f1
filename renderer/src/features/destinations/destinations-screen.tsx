import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { CreateDestinationForm } from './create-destination-form';
import { DestinationCard } from './destination-card';
import { keyCheckText } from './key-check-text';
import { useDestinations } from './use-destinations';
import './destinations.css';

/** Destinations: the Autopilot and Ortto accounts segments go to, each key in the keychain. */
export function DestinationsScreen() {
  const { t } = useTranslation('destinations');
  const destinations = useDestinations();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [createdId, setCreatedId] = useState<string>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  const list = destinations.data ?? [];

  useEffect(() => {
    // Cancelling the form puts the focus back on "Add destination" once that button is back.
    if (!adding && returnFocus) {
      addRef.current?.focus();
      setReturnFocus(false);
    }
  }, [adding, returnFocus]);

  return (
    <section className="screen destinations-screen" aria-labelledby="destinations-title">
      <h1 id="destinations-title" tabIndex={-1} ref={headingRef}>
        {t('title')}
      </h1>
      <p className="screen-intro">{t('intro')}</p>
      <div role="status" aria-live="polite" className="screen-notice">
        {notice && <p className="message-success">{notice}</p>}
      </div>
      {destinations.isPending && <p>{t('loading')}</p>}
      {destinations.isError && (
        <p role="alert" className="message-error">
          {t('loadError', { message: errorText(destinations.error, t) })}
        </p>
      )}
      {destinations.isSuccess && list.length === 0 && !adding && <p>{t('empty')}</p>}
      {adding ? (
        <CreateDestinationForm
          onCreated={(destination) => {
            setAdding(false);
            const checked = keyCheckText(
              t,
              destination.keyCheck,
              { checked: 'createdChecked', unchecked: 'createdUnchecked' },
              destination.service,
              { name: destination.displayName },
            );
            setNotice(checked ?? t('created', { name: destination.displayName }));
            setCreatedId(destination.id);
          }}
          onCancel={() => {
            setAdding(false);
            setReturnFocus(true);
          }}
        />
      ) : (
        <button
          type="button"
          ref={addRef}
          className="primary"
          onClick={() => {
            setNotice(undefined);
            setAdding(true);
          }}
        >
          {t('add')}
        </button>
      )}
      {list.length > 0 && (
        <ul className="destination-list" aria-label={t('listLabel')}>
          {list.map((destination) => (
            <li key={destination.id}>
              <DestinationCard
                destination={destination}
                focusOnMount={destination.id === createdId}
                onDeleted={(deleted) => {
                  setNotice(t('deleted', { name: deleted.displayName }));
                  headingRef.current?.focus();
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
