import { describe, expect, it } from 'vitest';
import { destinationConnectors } from '../../core/destination-port/destination-connectors';
import {
  createDestinationOpener,
  OpenDestinationError,
  type OpenRequest,
} from '../../core/destination-port/open-destination';
import { DestinationsError } from '../../core/destinations/destinations-error';
import { SecretStoreError, type SecretStore } from '../../core/secrets/secret-store';
import { recordingConnectors } from '../support/recording-connectors';

/** Issue 15, item 2: one opener, each failure a kind, for Autopilot and Ortto alike. */
function memorySecrets(keys: Record<string, string> = {}): SecretStore {
  const saved = new Map(Object.entries(keys));
  return {
    setKey: async (id, key) => void saved.set(id, key),
    readKey: async (id) => saved.get(id),
    hasKey: async (id) => saved.has(id),
    deleteKey: async (id) => saved.delete(id),
  };
}

function lockedSecrets(): SecretStore {
  const locked = async (): Promise<never> => {
    throw new SecretStoreError('locked', 'The keyring is locked. Unlock it, then try again.', 'x');
  };
  return { setKey: locked, readKey: locked, hasKey: locked, deleteKey: locked };
}

function openerOver(secrets: SecretStore) {
  const recording = recordingConnectors();
  return {
    ...recording,
    open: createDestinationOpener({ secrets, connectors: recording.connectors }),
  };
}

async function kindOf(open: (request: OpenRequest) => Promise<unknown>, request: OpenRequest) {
  const error = await open(request).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OpenDestinationError);
  return (error as OpenDestinationError).kind;
}

describe('the one opener', () => {
  it('builds each kind of client with the saved key, its endpoint, timeout and permission', async () => {
    const { open, opened } = openerOver(memorySecrets({ a: 'autopilot-key', o: 'ortto-key' }));
    const autopilot = await open({
      service: 'autopilot',
      endpoint: 'https://api2.autopilothq.com/v1/',
      key: { keychainOf: 'a' },
      timeoutMs: 20_000,
    });
    expect(autopilot.endpoint).toBe('https://api2.autopilothq.com/v1');
    await open({
      service: 'ortto',
      region: 'au',
      key: { keychainOf: 'o' },
      emailPermission: 'no',
    });
    expect(opened).toEqual([
      {
        service: 'autopilot',
        endpoint: 'https://api2.autopilothq.com/v1',
        apiKey: 'autopilot-key',
        timeoutMs: 20_000,
        emailPermission: undefined,
      },
      {
        service: 'ortto',
        endpoint: 'https://api.au.ap3api.com/v1',
        apiKey: 'ortto-key',
        timeoutMs: undefined,
        emailPermission: 'no',
      },
    ]);
  });

  it('reads each service’s own environment variable, and never the other one', async () => {
    const { open, opened } = openerOver(lockedSecrets());
    const environment = { AUTOPILOT_API_KEY: ' autopilot-env ', ORTTO_API_KEY: 'ortto-env' };
    await open({ service: 'autopilot', key: { environment } });
    await open({ service: 'ortto', key: { environment } });
    expect(opened.map(({ service, apiKey }) => [service, apiKey])).toEqual([
      ['autopilot', 'autopilot-env'],
      ['ortto', 'ortto-env'],
    ]);
    expect(
      await kindOf(open, { service: 'ortto', key: { environment: { AUTOPILOT_API_KEY: 'k' } } }),
    ).toBe('no-key');
  });

  it('says why it could not open, by kind, before any client is built', async () => {
    const { open, opened } = openerOver(memorySecrets({ broken: 'first\nsecond' }));
    expect(await kindOf(open, { service: 'autopilot', key: { keychainOf: 'gone' } })).toBe(
      'no-key',
    );
    expect(await kindOf(open, { service: 'ortto', key: { keychainOf: 'env' } })).toBe('env-only');
    expect(await kindOf(open, { service: 'ortto', key: { keychainOf: 'broken' } })).toBe(
      'invalid-key',
    );
    const locked = openerOver(lockedSecrets());
    expect(await kindOf(locked.open, { service: 'autopilot', key: { keychainOf: 'a' } })).toBe(
      'keychain',
    );
    expect([...opened, ...locked.opened]).toEqual([]);
  });

  it('names the service and where the key came from when it cannot be a key, never the key', async () => {
    const { open } = openerOver(memorySecrets());
    const error = await open({
      service: 'ortto',
      key: { environment: { ORTTO_API_KEY: 'half-one\nhalf-two' } },
    }).then(
      () => new Error('opened'),
      (caught: unknown) => caught as Error,
    );
    expect(error.message).toContain('The API key in ORTTO_API_KEY');
    expect(error.message).toContain('no Ortto API key has');
    expect(error.message).not.toContain('half-one');
  });

  it('refuses an endpoint that would expose the key before reading the key', async () => {
    const { open } = openerOver(lockedSecrets());
    await expect(
      open({ service: 'ortto', endpoint: 'http://api.ap3api.com/v1', key: { keychainOf: 'a' } }),
    ).rejects.toBeInstanceOf(DestinationsError);
  });

  it('builds each kind of account with its own client', () => {
    const ortto = destinationConnectors.ortto({
      endpoint: 'https://api.eu.ap3api.com/v1',
      apiKey: 'k',
      emailPermission: 'no',
    });
    const autopilot = destinationConnectors.autopilot({
      endpoint: 'https://api2.autopilothq.com/v1',
      apiKey: 'k',
    });
    expect([ortto.serviceName, autopilot.serviceName]).toEqual(['Ortto', 'Autopilot']);
    expect(ortto.upsertListsEveryone).toBe(true);
  });
});
