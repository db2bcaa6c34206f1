import { readFile } from 'node:fs/promises';
import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import { describe, expect, it } from 'vitest';
import { DestinationsError } from '../../core/destinations/destinations-error';
import { SecretStoreError, type SecretStore } from '../../core/secrets/secret-store';
import { settingsFilePath } from '../../core/settings/data-folder';
import { createJsonFileStore } from '../../core/settings/json-file-store';
import { SettingsError } from '../../core/settings/settings-error';
import { createSettingsRepository } from '../../core/settings/settings-repository';
import { emulatorTestKey } from '../../emulator/server';
import {
  dataFolder,
  emulator,
  pinned,
  secrets,
  service,
  serviceWith,
} from '../support/destinations-fixtures';

const keyOf = (id: string) => new AsyncEntry(service, id, pinned).getPassword();
const settingsText = () => readFile(settingsFilePath(dataFolder()), 'utf8');

async function accountsInKeychain(): Promise<string[]> {
  return (await findCredentialsAsync(service)).map((credential) => credential.account);
}

describe('adding a destination', () => {
  it('puts the key in the keychain and everything else, with the agreement record, in settings', async () => {
    const destinations = serviceWith();
    const created = await destinations.create({
      displayName: '  Marketing   EU ',
      apiKey: ` ${emulatorTestKey}\n`,
      endpoint: `${emulator.url}/`,
      agreement: true,
    });
    expect(created).toEqual({
      id: expect.any(String),
      displayName: 'Marketing EU',
      service: 'autopilot',
      endpoint: emulator.url,
      requestsPerSecond: 5,
      createdAt: '2025-03-04T10:20:30.000Z',
      privacyAgreement: {
        agreedAt: '2025-03-04T10:20:30.000Z',
        osUser: 'marta',
        termsVersion: '2025-01',
      },
    });
    expect(await keyOf(created.id)).toBe(emulatorTestKey);
    expect(await settingsText()).not.toContain(emulatorTestKey);
    expect(await destinations.list()).toEqual([created]);
    expect(await destinations.hasKey(created.id)).toBe(true);
  });

  it.each([
    [{ displayName: '   ' }, 'invalid-display-name', /Give the destination a name/],
    [{ displayName: 'x'.repeat(81) }, 'invalid-display-name', /80 letters or fewer/],
    [{ apiKey: '' }, 'invalid-api-key', /Paste your Autopilot API key/],
    [{ apiKey: 'two words' }, 'invalid-api-key', /does not look like an Autopilot API key/],
    [{ endpoint: 'api2.autopilothq.com' }, 'invalid-endpoint', /is not a web address/],
    [
      { endpoint: 'http://api2.autopilothq.com/v1' },
      'invalid-endpoint',
      /must start with https:\/\//,
    ],
    [{ endpoint: 'https://user:pw@example.com/v1' }, 'invalid-endpoint', /plain address/],
    [{ requestsPerSecond: 0 }, 'invalid-request-rate', /between 0.1 and 50/],
    [{ requestsPerSecond: Number.NaN }, 'invalid-request-rate', /between 0.1 and 50/],
  ])('refuses %o with a plain message and stores nothing', async (change, code, message) => {
    const input = {
      displayName: 'Sales',
      apiKey: emulatorTestKey,
      agreement: true as const,
      ...change,
    };
    const before = await accountsInKeychain();
    const error = await serviceWith()
      .create(input)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DestinationsError);
    expect((error as DestinationsError).code).toBe(code);
    expect((error as Error).message).toMatch(message);
    expect(await accountsInKeychain()).toEqual(before);
    await expect(settingsText()).rejects.toThrow(/ENOENT/);
  });

  it('adds an Ortto destination at its region’s host and pace, and keeps its kind when edited', async () => {
    const destinations = serviceWith();
    const created = await destinations.create({
      displayName: 'Ortto EU',
      apiKey: ' ortto-private-key-1 ',
      service: 'ortto',
      region: 'eu',
      agreement: true,
    });
    expect(created).toMatchObject({
      service: 'ortto',
      region: 'eu',
      endpoint: 'https://api.eu.ap3api.com/v1',
      requestsPerSecond: 10,
    });
    expect(await keyOf(created.id)).toBe('ortto-private-key-1');
    const edited = await destinations.update({ id: created.id, displayName: 'Ortto Europe' });
    expect(edited).toMatchObject({ displayName: 'Ortto Europe', service: 'ortto', region: 'eu' });
    expect((await destinations.list()).find((item) => item.id === created.id)).toEqual(edited);
    await destinations.delete(created.id);
  });

  it('asks for an Ortto key in Ortto’s words, and refuses a region for Autopilot', async () => {
    const destinations = serviceWith();
    const ortto = { displayName: 'O', service: 'ortto', agreement: true } as const;
    await expect(destinations.create({ ...ortto, apiKey: '  ' })).rejects.toMatchObject({
      code: 'invalid-api-key',
      message: 'Paste your Ortto private API key.',
    });
    await expect(destinations.create({ ...ortto, apiKey: 'x'.repeat(201) })).rejects.toMatchObject({
      message: expect.stringContaining('Ortto private API key'),
    });
    await expect(
      destinations.create({ displayName: 'A', apiKey: 'k1', region: 'au', agreement: true }),
    ).rejects.toBeInstanceOf(DestinationsError);
    expect(await destinations.list()).toEqual([]);
  });

  it('refuses a second destination with the same name, whatever the case', async () => {
    const destinations = serviceWith();
    await destinations.create({ displayName: 'Sales', apiKey: 'a1', agreement: true });
    await expect(
      destinations.create({ displayName: 'SALES', apiKey: 'b2', agreement: true }),
    ).rejects.toThrow('There is already a destination called "SALES"');
    expect(await destinations.list()).toHaveLength(1);
  });

  it('stores nothing when the keychain refuses the key', async () => {
    const locked: SecretStore = {
      ...secrets,
      setKey: async () => {
        throw new SecretStoreError('locked', 'Your keychain is locked.', 'no result found');
      },
    };
    await expect(
      serviceWith({ secrets: locked }).create({
        displayName: 'Sales',
        apiKey: 'k1',
        agreement: true,
      }),
    ).rejects.toBeInstanceOf(SecretStoreError);
    await expect(settingsText()).rejects.toThrow(/ENOENT/);
  });

  it('takes the key back out of the keychain when the settings cannot be saved', async () => {
    const file = createJsonFileStore(settingsFilePath(dataFolder()));
    const full = {
      ...file,
      write: async () => Promise.reject(new SettingsError('unwritable', 'Disk full.')),
    };
    const before = await accountsInKeychain();
    await expect(
      serviceWith({ settings: createSettingsRepository(full) }).create({
        displayName: 'Sales',
        apiKey: 'k1',
        agreement: true,
      }),
    ).rejects.toThrow('Disk full.');
    expect(await accountsInKeychain()).toEqual(before);
  });
});

describe('editing and deleting', () => {
  it('changes name, endpoint and rate, keeping the agreement', async () => {
    const destinations = serviceWith();
    const first = await destinations.create({ displayName: 'A', apiKey: 'k1', agreement: true });
    await destinations.create({ displayName: 'B', apiKey: 'k2', agreement: true });
    const changed = await destinations.update({
      id: first.id,
      displayName: 'A2',
      endpoint: emulator.url,
      requestsPerSecond: 2.5,
    });
    expect(changed).toEqual({
      ...first,
      displayName: 'A2',
      endpoint: emulator.url,
      requestsPerSecond: 2.5,
    });
    await expect(destinations.update({ id: first.id, displayName: 'b' })).rejects.toThrow(
      /already a destination/,
    );
    await expect(destinations.update({ id: 'nope', displayName: 'C' })).rejects.toThrow(
      /no longer exists/,
    );
    expect((await destinations.list()).map((item) => item.displayName)).toEqual(['A2', 'B']);
  });

  it('removes the key, the settings entry and the saved setups that send to it', async () => {
    const forgotten: string[] = [];
    const destinations = serviceWith({ onDeleted: [async (id) => void forgotten.push(id)] });
    const gone = await destinations.create({
      displayName: 'Gone',
      apiKey: 'k-gone',
      agreement: true,
    });
    const kept = await destinations.create({
      displayName: 'Kept',
      apiKey: 'k-kept',
      agreement: true,
    });
    const settings = createSettingsRepository(createJsonFileStore(settingsFilePath(dataFolder())));
    await settings.update((current) => ({
      ...current,
      exportSetups: [
        { id: 's1', name: 'Weekly', destinationId: gone.id },
        { id: 's2', name: 'Monthly', destinationId: kept.id },
        { id: 's3', name: 'Draft' },
      ],
    }));
    expect(await destinations.delete(gone.id)).toEqual({
      keyRemoved: true,
      removedExportSetups: 1,
    });
    expect(await keyOf(gone.id)).toBeNull();
    expect(await keyOf(kept.id)).toBe('k-kept');
    expect(forgotten).toEqual([gone.id]);
    const after = await settings.read();
    expect(after.destinations.map((item) => item.id)).toEqual([kept.id]);
    expect(after.exportSetups.map((setup) => setup.id)).toEqual(['s2', 's3']);
    expect(await settingsText()).not.toContain(gone.id);
  });

  it('changes nothing when the keychain will not let the key go', async () => {
    const destinations = serviceWith();
    const destination = await destinations.create({
      displayName: 'Stay',
      apiKey: 'k-stay',
      agreement: true,
    });
    const locked: SecretStore = {
      ...secrets,
      deleteKey: async () => {
        throw new SecretStoreError('locked', 'Your keychain is locked.', 'no result found');
      },
    };
    await expect(serviceWith({ secrets: locked }).delete(destination.id)).rejects.toThrow('locked');
    expect(await destinations.list()).toHaveLength(1);
    expect(await keyOf(destination.id)).toBe('k-stay');
  });
});
