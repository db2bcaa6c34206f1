/**
 * One cheap call before any job exists, so a wrong key or an unreachable endpoint is bad input
 * (exit 2, nothing sent). A busy or failing account is not: the run waits and retries it.
 */
import { DestinationError, type Destination } from '../../core/destination-port/destination';
import { serviceNames } from '../../shared/model/destination-service';
import type { DestinationService } from '../../shared/model/destination-service';
import { BadInputError } from '../cli-errors';

export async function checkDestination(
  destination: Destination,
  endpoint: string,
  keySource: string,
  service: DestinationService,
): Promise<void> {
  const name = serviceNames[service];
  try {
    await destination.checkCredentials();
  } catch (error) {
    if (!(error instanceof DestinationError)) return;
    if (error.kind === 'transient' || error.kind === 'rate-limited') return;
    if (error.kind === 'offline') {
      throw new BadInputError(
        `${name} can't be reached at ${endpoint}. Check the address and your internet connection.`,
      );
    }
    if (error.kind === 'rejected-key') {
      throw new BadInputError(`${name} rejected the API key from ${keySource}. Nothing was sent.`);
    }
    throw new BadInputError(error.message);
  }
}
