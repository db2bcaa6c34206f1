import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestinationSummary } from '../../../../shared/ipc/channels/destinations';
import { useNavigation } from '../../app/navigation';

interface DestinationSectionProps {
  readonly destinations: readonly DestinationSummary[] | undefined;
  readonly destinationId: string | null;
  readonly onChange: (destinationId: string | null) => void;
}

/** Step 1: which Autopilot account the contacts go to. */
export function DestinationSection({
  destinations,
  destinationId,
  onChange,
}: DestinationSectionProps) {
  const { t } = useTranslation('export');
  const { navigate } = useNavigation();
  const id = useId();
  const chosen = destinations?.find((destination) => destination.id === destinationId);

  return (
    <section className="export-step card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('destination.title')}</h2>
      {destinations?.length === 0 ? (
        <p>
          {t('destination.none')}{' '}
          <button type="button" onClick={() => navigate({ screen: 'destinations' })}>
            {t('destination.goToDestinations')}
          </button>
        </p>
      ) : (
        <div className="export-field">
          <label htmlFor={`${id}-select`}>{t('destination.label')}</label>
          <select
            id={`${id}-select`}
            value={destinationId ?? ''}
            onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
            aria-describedby={chosen ? `${id}-endpoint` : undefined}
          >
            <option value="">{t('destination.placeholder')}</option>
            {destinations?.map((destination) => (
              <option key={destination.id} value={destination.id}>
                {destination.displayName}
              </option>
            ))}
          </select>
          {chosen && (
            <p id={`${id}-endpoint`} className="export-hint">
              {t('destination.endpoint', { endpoint: chosen.endpoint })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
