import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { sectionIds } from './section-ids';
import type { DestinationSummary } from '../../../../shared/model/destinations';
import { useNavigation } from '../../app/navigation';
import { useServiceLabel } from '../../app/service-label';
import { DestinationKeyCheck, type ListsQuery } from './destination-key-check';

interface DestinationSectionProps {
  readonly destinations: readonly DestinationSummary[] | undefined;
  readonly destinationId: string | null;
  readonly onChange: (destinationId: string | null) => void;
  /** The chosen destination's lists: reading them checks its key. */
  readonly lists: ListsQuery;
}

/** Step 1: which Autopilot or Ortto account the contacts go to. */
export function DestinationSection({
  destinations,
  destinationId,
  onChange,
  lists,
}: DestinationSectionProps) {
  const { t } = useTranslation('export');
  const { navigate } = useNavigation();
  const id = useId();
  const chosen = destinations?.find((destination) => destination.id === destinationId);
  const serviceLabel = useServiceLabel();

  return (
    <section className="export-step card" aria-labelledby={sectionIds.destination}>
      <h2 id={sectionIds.destination} tabIndex={-1}>
        {t('destination.title')}
      </h2>
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
              {t('destination.endpoint', {
                endpoint: chosen.endpoint,
                context: chosen.service,
                service: serviceLabel(chosen.service, chosen.region),
              })}
            </p>
          )}
          {chosen && <DestinationKeyCheck destination={chosen} lists={lists} />}
        </div>
      )}
    </section>
  );
}
