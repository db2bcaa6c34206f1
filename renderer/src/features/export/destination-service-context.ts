import { createContext, useContext } from 'react';
import type { DestinationService } from '../../../../shared/model/destination-service';

/**
 * The kind of the chosen destination, for the words of every section of the Export screen: a
 * list is an Ortto tag, and errors name the right product (issue 16). Autopilot's words are the
 * catalogs' plain keys; Ortto's are the same keys with the `_ortto` context.
 */
export const DestinationServiceContext = createContext<DestinationService>('autopilot');

export function useDestinationService(): DestinationService {
  return useContext(DestinationServiceContext);
}
