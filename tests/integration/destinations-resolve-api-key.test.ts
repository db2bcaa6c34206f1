import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDestinationsService } from '../../core/destinations/destinations-service';
import { ApiKeySourceError, resolveApiKey } from '../../core/destinations/resolve-api-key';
import { createKeyringSecretStore } from '../../core/secrets/keyring-secret-store';
import { settingsFilePath } from '../../core/settings/data-folder';
import { createJsonFileStore } from '../../core/settings/json-file-store';
import { createSettingsRepository } from '../../core/settings/settings-repository';

// The command line's key source, over what the app saved: the same config.json and the same
// keychain entries (a unique keychain service per run).
const secretStore = createKeyringSecretStore({ service: `segment-courier-test-${randomUUID()}` });
let dataFolder: string;
let emptyFolder: string;
let withKey: { id: string };
let withoutKey: { id: string };

beforeAll(async () => {
  dataFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-cli-key-'));
  emptyFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-cli-empty-'));
  const destinations = createDestinationsService({
    settings: createSettingsRepository(createJsonFileStore(settingsFilePath(dataFolder))),
    secrets: secretStore,
    connectTo: () => {
      throw new Error('not used');
    },
    defaultEndpoint: 'https://api2.autopilothq.com/v1',
    osUser: () => 'marta',
  });
  withKey = await destinations.create({
    displayName: 'Marketing EU',
    apiKey: 'key-from-keychain-1234',
    endpoint: 'http://127.0.0.1:4010/v1',
    requestsPerSecond: 2,
    agreement: true,
  });
  withoutKey = await destinations.create({ displayName: 'Sales', apiKey: 'k', agreement: true });
  await secretStore.deleteKey(withoutKey.id);
});
afterAll(async () => {
  await secretStore.deleteKey(withKey.id);
  await rm(dataFolder, { recursive: true, force: true });
  await rm(emptyFolder, { recursive: true, force: true });
});

async function failure(options: Partial<Parameters<typeof resolveApiKey>[0]>): Promise<Error> {
  const error = await resolveApiKey({ env: {}, dataFolder, secretStore, ...options }).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiKeySourceError);
  return error as Error;
}

describe('resolveApiKey (command line)', () => {
  it('takes AUTOPILOT_API_KEY first', async () => {
    expect(
      await resolveApiKey({ env: { AUTOPILOT_API_KEY: ' env-key-9 ' }, dataFolder, secretStore }),
    ).toEqual({ apiKey: 'env-key-9' });
  });

  it('reads the keychain entry of the destination named with --destination, with its endpoint and rate', async () => {
    expect(
      await resolveApiKey({ env: {}, destinationName: ' marketing eu ', dataFolder, secretStore }),
    ).toEqual({
      apiKey: 'key-from-keychain-1234',
      endpoint: 'http://127.0.0.1:4010/v1',
      rate: 2,
      destinationId: withKey.id,
    });
  });

  it('uses the variable over the keychain when both are given, still sending where the destination says', async () => {
    expect(
      await resolveApiKey({
        env: { AUTOPILOT_API_KEY: 'env-key-9' },
        destinationName: 'Marketing EU',
        dataFolder,
        secretStore,
      }),
    ).toMatchObject({
      apiKey: 'env-key-9',
      endpoint: 'http://127.0.0.1:4010/v1',
      destinationId: withKey.id,
    });
  });

  it('says how to give a key when there is none', async () => {
    expect((await failure({})).message).toBe(
      'No API key. Set the AUTOPILOT_API_KEY environment variable, or name a destination saved in the Segment Courier app with --destination "<display name>".',
    );
    expect((await failure({ env: { AUTOPILOT_API_KEY: '   ' } })).message).toMatch(/^No API key/);
  });

  it('lists the saved destinations when the name matches none', async () => {
    expect((await failure({ destinationName: 'Marketing' })).message).toBe(
      `There is no destination called "Marketing" in ${dataFolder}. Saved destinations: "Marketing EU", "Sales".`,
    );
    expect((await failure({ destinationName: 'X', dataFolder: emptyFolder })).message).toMatch(
      /no destinations are saved in .* Add one in the Segment Courier app first/,
    );
  });

  it('says when the destination has no key in the keychain', async () => {
    expect((await failure({ destinationName: 'Sales' })).message).toBe(
      'The destination "Sales" has no API key in your keychain. Open Segment Courier, go to Destinations and use Replace key, or set AUTOPILOT_API_KEY.',
    );
  });
});
