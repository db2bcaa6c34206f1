import { destinationErrorCodes } from '../../../../shared/model/destinations';
import { CourierError } from '../../../../shared/ipc/result';

/**
 * Which form field an error belongs to, so it is shown (and focused) there. The words themselves
 * come from renderer/src/i18n/error-text.ts, like every other error's.
 */
export type DestinationField = 'displayName' | 'apiKey' | 'endpoint' | 'requestsPerSecond';

const fieldOfCode: Partial<Record<string, DestinationField>> = {
  [destinationErrorCodes.invalidDisplayName]: 'displayName',
  [destinationErrorCodes.duplicateDisplayName]: 'displayName',
  [destinationErrorCodes.invalidApiKey]: 'apiKey',
  [destinationErrorCodes.rejectedApiKey]: 'apiKey',
  [destinationErrorCodes.invalidEndpoint]: 'endpoint',
  [destinationErrorCodes.invalidRequestRate]: 'requestsPerSecond',
};

export function errorField(error: unknown): DestinationField | undefined {
  return error instanceof CourierError ? fieldOfCode[error.code] : undefined;
}
