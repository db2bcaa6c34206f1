import type { TFunction } from 'i18next';
import {
  destinationErrorCodes,
  destinationLimits,
} from '../../../../shared/model/destinations';
import { CourierError } from '../../../../shared/ipc/result';
import type { DestinationService } from '../../../../shared/model/destination-service';

/** Codes this screen words itself, in the person's language; others show main's own sentence. */
const localizedCodes = new Set<string>(
  Object.values(destinationErrorCodes).filter((code) => !code.startsWith('settings-')),
);

/** Which form field an error belongs to, so it is shown (and focused) there. */
export type DestinationField = 'displayName' | 'apiKey' | 'endpoint' | 'requestsPerSecond';

const fieldOfCode: Partial<Record<string, DestinationField>> = {
  [destinationErrorCodes.invalidDisplayName]: 'displayName',
  [destinationErrorCodes.duplicateDisplayName]: 'displayName',
  [destinationErrorCodes.invalidApiKey]: 'apiKey',
  [destinationErrorCodes.rejectedApiKey]: 'apiKey',
  [destinationErrorCodes.invalidEndpoint]: 'endpoint',
  [destinationErrorCodes.invalidRequestRate]: 'requestsPerSecond',
};

/** `service` names the product the error is about; the words are Autopilot's without it. */
export function errorText(
  t: TFunction<'destinations'>,
  error: unknown,
  service?: DestinationService,
): string {
  if (error instanceof CourierError && localizedCodes.has(error.code)) {
    return t(`errors.${error.code}`, {
      context: service,
      min: destinationLimits.minRequestsPerSecond,
      max:
        error.code === destinationErrorCodes.invalidRequestRate
          ? destinationLimits.maxRequestsPerSecond
          : destinationLimits.displayNameMaxLength,
    });
  }
  return error instanceof Error ? error.message : String(error);
}

export function errorField(error: unknown): DestinationField | undefined {
  return error instanceof CourierError ? fieldOfCode[error.code] : undefined;
}
