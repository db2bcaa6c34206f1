import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCliDestination, type CliDestinationOptions } from '../../cli/push/api-key';
import { OpenDestinationError } from '../../core/destination-port/open-destination';
import { createDestinationsService } from '../../core/destinations/destinations-service';
import { createKeyringSecretStore } from '../../core/secrets/keyring-secret-store';
import { settingsFilePath } from '../../core/settings/data-folder';
import { createJsonFileStore } from '../../core/settings/json-file-store';
import { createSettingsRepository } from '../../core/settings/settings-repository';
import { recordingConnectors } from '../support/recording-connectors';
import { useTempFolder } from '../support/temp-folder';

// The command line's key source, over what the app saved: the same config.json and the same
// keychain entries (a unique keychain service per run).
const secretStore = createKeyringSecretStore({ service: `segment-courier-test-${randomUUID()}` });
const dataFolder = useTempFolder('courier-cli-key-', { per: 'file' });
const emptyFolder = useTempFolder('courier-cli-empty-', { per: 'file' });
let withKey: { id: string };
let withoutKey: { id: string };

beforeAll(async () => {
  const destinations = createDestinationsService({
    settings: createSettingsRepository(createJsonFileStore(settingsFilePath(dataFolder()))),
    secrets: secretStore,
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
});

type Lookup = Partial<CliDestinationOptions>;

/** What the opener was given for a lookup: the key, where it goes, from which saved destination. */
async function resolve(options: Lookup) {
  const { connectors, opened } = recordingConnectors();
  const cli = await openCliDestination({
    env: {},
    dataFolder: dataFolder(),
    secrets: secretStore,
    connectors,
    ...options,
  });
  const [connection] = opened;
  return {
    apiKey: connection?.apiKey,
    service: connection?.service,
    endpoint: cli.endpoint,
    rate: cli.found.saved?.requestsPerSecond,
    destinationId: cli.found.saved?.id,
  };
}

async function failure(options: Lookup): Promise<Error> {
  const error = await resolve(options).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenDestinationError);
  return error as Error;
}

describe('the command line’s key, through the one opener', () => {
  it('takes AUTOPILOT_API_KEY first', async () => {
    expect(await resolve({ env: { AUTOPILOT_API_KEY: ' env-key-9 ' } })).toMatchObject({
      apiKey: 'env-key-9',
      service: 'autopilot',
      endpoint: 'https://api2.autopilothq.com/v1',
    });
  });

  it('takes ORTTO_API_KEY for Ortto, to the region asked for, and never the other variable', async () => {
    const env = { ORTTO_API_KEY: 'ortto-key-7', AUTOPILOT_API_KEY: 'autopilot-key-7' };
    expect(await resolve({ env, service: 'ortto', region: 'eu' })).toMatchObject({
      apiKey: 'ortto-key-7',
      service: 'ortto',
      endpoint: 'https://api.eu.ap3api.com/v1',
    });
    expect(
      (await failure({ env: { AUTOPILOT_API_KEY: 'autopilot-key-7' }, service: 'ortto' })).message,
    ).toBe(
      'No API key. Set the ORTTO_API_KEY environment variable, or name a destination saved in the Segment Courier app with --destination "<display name>".',
    );
  });

  it('reads the keychain entry of the destination named with --destination, with its endpoint and rate', async () => {
    expect(await resolve({ destinationName: ' marketing eu ' })).toEqual({
      apiKey: 'key-from-keychain-1234',
      service: 'autopilot',
      endpoint: 'http://127.0.0.1:4010/v1',
      rate: 2,
      destinationId: withKey.id,
    });
  });

  it('uses the variable over the keychain when both are given, still sending where the destination says', async () => {
    expect(
      await resolve({ env: { AUTOPILOT_API_KEY: 'env-key-9' }, destinationName: 'Marketing EU' }),
    ).toMatchObject({
      apiKey: 'env-key-9',
      endpoint: 'http://127.0.0.1:4010/v1',
      destinationId: withKey.id,
    });
  });

  it('refuses a saved destination of another kind than --service says', async () => {
    const error = await failure({ destinationName: 'Marketing EU', service: 'ortto' });
    expect(error).toMatchObject({ kind: 'other-service' });
    expect(error.message).toContain('is an Autopilot account, not Ortto');
  });

  it('says how to give a key when there is none', async () => {
    expect((await failure({})).message).toBe(
      'No API key. Set the AUTOPILOT_API_KEY environment variable, or name a destination saved in the Segment Courier app with --destination "<display name>".',
    );
    expect((await failure({ env: { AUTOPILOT_API_KEY: '   ' } })).message).toMatch(/^No API key/);
  });

  it('lists the saved destinations when the name matches none', async () => {
    expect((await failure({ destinationName: 'Marketing' })).message).toBe(
      `There is no destination called "Marketing" in ${dataFolder()}. Saved destinations: "Marketing EU", "Sales".`,
    );
    expect((await failure({ destinationName: 'X', dataFolder: emptyFolder() })).message).toMatch(
      /no destinations are saved in .* Add one in the Segment Courier app first/,
    );
  });

  it('says when the destination has no key in the keychain', async () => {
    expect((await failure({ destinationName: 'Sales' })).message).toBe(
      'The destination "Sales" has no API key in your keychain. Open Segment Courier, go to Destinations and use Replace key, or set AUTOPILOT_API_KEY.',
    );
  });
});
