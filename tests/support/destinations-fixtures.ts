/**
 * The world the destinations tests run in, all real: a JSON settings file in a throw-away data
 * folder, the Secret Service under a service name unique to this run, and the local Autopilot
 * emulator with three lists. Importing this module registers the hooks that set it up and clean
 * up after (the keychain entries included).
 */
import { randomUUID } from 'node:crypto';
import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import { afterAll, beforeAll } from 'vitest';
import {
  createDestinationsService,
  type DestinationsServiceOptions,
} from '../../core/destinations/destinations-service';
import { createKeyringSecretStore } from '../../core/secrets/keyring-secret-store';
import { settingsFilePath } from '../../core/settings/data-folder';
import { createJsonFileStore } from '../../core/settings/json-file-store';
import { createSettingsRepository } from '../../core/settings/settings-repository';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { useTempFolder } from './temp-folder';

export const service = `segment-courier-test-${randomUUID()}`;
export const secrets = createKeyringSecretStore({ service });
export const pinned = { linux: { store: 'secret-service' as const } };
export const clock = () => new Date('2025-03-04T10:20:30.000Z');
export let emulator: RunningEmulator;
/** The data folder of the current test (a fresh one for each). */
export const dataFolder = useTempFolder('courier-destinations-');

beforeAll(async () => {
  emulator = await startEmulator();
  ['Newsletter', 'Customers', 'VIP'].forEach((title) => emulator.state.createList(title));
});
afterAll(async () => {
  await emulator.close();
  for (const { account } of await findCredentialsAsync(service)) {
    await new AsyncEntry(service, account, pinned).deleteCredential();
  }
});

export function serviceWith(overrides: Partial<DestinationsServiceOptions> = {}) {
  return createDestinationsService({
    settings: createSettingsRepository(createJsonFileStore(settingsFilePath(dataFolder()))),
    secrets,
    connectTimeoutMs: 2_000,
    osUser: () => 'marta',
    now: clock,
    ...overrides,
  });
}
