import { DestinationsError } from '../../../core/destinations/destinations-error';
import { SecretStoreError, type SecretStoreErrorKind } from '../../../core/secrets/secret-store';
import { SettingsError } from '../../../core/settings/settings-error';
import type { ChannelInput } from '../../../shared/ipc/bridge-api';
import {
  destinationErrorCodes,
  type DestinationErrorCode,
} from '../../../shared/model/destinations';
import type { HostServices } from '../../services/host-services';
import { UserFacingError } from '../user-facing-error';
import { plainErrorsVia } from './plain-errors';

const keychainCodes: Record<SecretStoreErrorKind, DestinationErrorCode> = {
  'no-keyring': destinationErrorCodes.keychainUnavailable,
  locked: destinationErrorCodes.keychainLocked,
  'access-denied': destinationErrorCodes.keychainDenied,
  failed: destinationErrorCodes.keychainFailed,
};

/**
 * Failures a person can act on keep their plain message and get a code the screen can branch on;
 * anything else goes to the dispatcher, which logs it and answers with a generic message.
 */
export function toUserFacing(error: unknown): unknown {
  if (error instanceof DestinationsError) {
    return new UserFacingError(error.code, error.message, error.params);
  }
  if (error instanceof SecretStoreError) {
    return new UserFacingError(keychainCodes[error.kind], error.message);
  }
  if (error instanceof SettingsError) {
    const code =
      error.kind === 'unwritable'
        ? destinationErrorCodes.settingsUnwritable
        : destinationErrorCodes.settingsUnreadable;
    return new UserFacingError(code, error.message);
  }
  return error;
}

const plainly = plainErrorsVia(toUserFacing);

export function createDestinationsHandlers(services: HostServices) {
  const { destinations } = services;
  return {
    'destinations:list': () => plainly(() => destinations.list()),
    'destinations:create': (input: ChannelInput<'destinations:create'>) =>
      plainly(() => destinations.create(input)),
    'destinations:update': (input: ChannelInput<'destinations:update'>) =>
      plainly(() => destinations.update(input)),
    'destinations:replaceKey': (input: ChannelInput<'destinations:replaceKey'>) =>
      plainly(async () => {
        const check = input.checkKey === true;
        const keyCheck = await destinations.replaceKey(input.id, input.apiKey, { check });
        return { hasKey: true as const, ...(keyCheck ? { keyCheck } : {}) };
      }),
    'destinations:hasKey': (input: ChannelInput<'destinations:hasKey'>) =>
      plainly(async () => ({ hasKey: await destinations.hasKey(input.id) })),
    'destinations:connect': (input: ChannelInput<'destinations:connect'>) =>
      plainly(() => destinations.connect(input.id)),
    'destinations:delete': (input: ChannelInput<'destinations:delete'>) =>
      plainly(() => destinations.delete(input.id)),
  };
}
