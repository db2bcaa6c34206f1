import { useTranslation } from 'react-i18next';
import type { DestinationService, OrttoRegion } from '../../../shared/model/destination-service';

/**
 * The name of a destination's kind as every screen shows it: "Autopilot", or "Ortto, Europe
 * region" (issue 16). An Ortto key works only in its own region, so the region is always said.
 */
export function useServiceLabel() {
  const { t } = useTranslation('app');
  return (service: DestinationService = 'autopilot', region: OrttoRegion = 'default'): string =>
    service === 'ortto'
      ? t('serviceInRegion', { service: t('services.ortto'), region: t(`regions.${region}`) })
      : t('services.autopilot');
}
