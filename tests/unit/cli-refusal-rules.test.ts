import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { describeCliError } from '../../cli/cli-errors';
import { BadInputError } from '../../cli/cli-errors';
import { prepareSegment } from '../../cli/push/prepare-segment';
import { quoteArgument, withoutKey } from '../../cli/quote-argument';
import { openCliDestination } from '../../cli/push/api-key';
import {
  createDestinationOpener,
  OpenDestinationError,
} from '../../core/destination-port/open-destination';
import { normalizeEndpoint } from '../../core/destinations/destination-rules';
import { DestinationsError } from '../../core/destinations/destinations-error';
import { createDestinationsService } from '../../core/destinations/destinations-service';
import type { SecretStore } from '../../core/secrets/secret-store';
import { settingsFilePath } from '../../core/settings/data-folder';
import { createJsonFileStore } from '../../core/settings/json-file-store';
import { createSettingsRepository } from '../../core/settings/settings-repository';
import { createJobDestinationOpener } from '../../core/jobs/jobs-destination';
import { recordingConnectors } from '../support/recording-connectors';
import { useTempFolder } from '../support/temp-folder';

const folder = useTempFolder('courier-rules-');

function memorySecrets(): SecretStore & { keys: Map<string, string> } {
  const keys = new Map<string, string>();
  return {
    keys,
    setKey: async (id, key) => void keys.set(id, key),
    readKey: async (id) => keys.get(id),
    hasKey: async (id) => keys.has(id),
    deleteKey: async (id) => keys.delete(id),
  };
}

describe('one endpoint rule (issue 12, item 7)', () => {
  it.each([
    ['https://api2.autopilothq.com/v1/', 'https://api2.autopilothq.com/v1'],
    ['http://127.0.0.1:4010/v1', 'http://127.0.0.1:4010/v1'],
    ['http://localhost:4010/v1', 'http://localhost:4010/v1'],
  ])('accepts %s', (raw, normalized) => {
    expect(normalizeEndpoint(raw)).toBe(normalized);
  });

  it.each([
    'http://api2.autopilothq.com/v1',
    'http://localhost.evil.example/v1',
    'http://[::ffff:127.0.0.1]:4010/v1',
    'https://marketer:secret@api2.autopilothq.com/v1',
    'http://localhost@evil.example/v1',
    'ftp://api2.autopilothq.com/v1',
  ])('refuses %s before any key is read or client built', async (raw) => {
    const secrets = memorySecrets();
    const readKey = vi.spyOn(secrets, 'readKey');
    const { connectors, opened } = recordingConnectors();
    const open = createDestinationOpener({ secrets, connectors });
    await expect(
      open({ service: 'autopilot', endpoint: raw, key: { keychainOf: 'dest-1' } }),
    ).rejects.toBeInstanceOf(DestinationsError);
    expect(readKey).not.toHaveBeenCalled();
    expect(opened).toEqual([]);
  });

  it('is applied to the endpoint stored in a job before the app sends its key there', async () => {
    const secrets = memorySecrets();
    secrets.keys.set('dest-1', 'saved-key-123');
    const { connectors, opened } = recordingConnectors();
    const open = createJobDestinationOpener({ secrets, connectors });
    const job = { id: 'dest-1', name: 'Edited', endpoint: 'http://api.example.net/v1', rate: 5 };
    await expect(open(job)).rejects.toBeInstanceOf(DestinationsError);
    expect(opened).toEqual([]);
  });
});

describe('keys the command line finds (issue 12, items 12 and 14)', () => {
  it('refuses a keychain key with a line break inside, without saying the key', async () => {
    const secrets = memorySecrets();
    const destinations = createDestinationsService({
      settings: createSettingsRepository(createJsonFileStore(settingsFilePath(folder()))),
      secrets,
      osUser: () => 'marta',
    });
    const saved = await destinations.create({
      displayName: 'Marketing',
      apiKey: 'good-key-1234',
      agreement: true,
    });
    secrets.keys.set(saved.id, 'first-half\nsecond-half');
    const { connectors, opened } = recordingConnectors();
    const lookup = { dataFolder: folder(), secrets, connectors };
    const error = await openCliDestination({
      ...lookup,
      env: {},
      destinationName: 'Marketing',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenDestinationError);
    expect(error).toMatchObject({ kind: 'invalid-key' });
    expect(describeCliError(error)).toMatchObject({ code: 'invalid-api-key', exitCode: 2 });
    expect((error as Error).message).toContain('your keychain for the destination "Marketing"');
    expect((error as Error).message).not.toContain('first-half');
    // Spaces and line breaks around a key are not part of it, as when it is pasted in the app.
    expect(opened).toEqual([]);
    await openCliDestination({ ...lookup, env: { AUTOPILOT_API_KEY: ' key-42abc\n' } });
    expect(opened).toMatchObject([{ apiKey: 'key-42abc' }]);
  });

  it('names a key-like argument without showing it, and strips the variable’s key from messages', () => {
    expect(quoteArgument('0e5a1a7e5ca1ab1e0e5a1a7e5ca1ab1e')).not.toContain('0e5a1a7e');
    expect(quoteArgument('Clients VIP.csv')).toBe('"Clients VIP.csv"');
    expect(quoteArgument('more.csv')).toBe('"more.csv"');
    expect(withoutKey('bad key abcd1234 here', { AUTOPILOT_API_KEY: 'abcd1234' })).toBe(
      'bad key [the API key] here',
    );
  });
});

describe('refusals of the data folder (issue 12, item 12)', () => {
  const errno = (code: string) =>
    Object.assign(new Error(`${code}: failed, open '/data/x'`), { code, path: '/data/x' });

  it('turns a full, read-only or foreign data folder into a sentence and exit 2', () => {
    expect(describeCliError(errno('ENOSPC'))).toMatchObject({ code: 'disk-full', exitCode: 2 });
    expect(describeCliError(errno('EROFS'))).toMatchObject({
      code: 'data-folder-not-writable',
      exitCode: 2,
    });
    expect(describeCliError(errno('EACCES'))?.message).toContain('/data/x');
    // A bug stays a bug: not dressed up as bad input.
    expect(describeCliError(new TypeError('x is undefined'))).toBeNull();
    expect(describeCliError(errno('EBADF'))).toBeNull();
  });
});

describe('the app’s import limits on the command line (issue 12, item 11)', () => {
  it('refuses a file the disk has no room for before reading it, leaving nothing behind', async () => {
    const file = path.join(folder(), 'segment.csv');
    await writeFile(file, 'Email\nanna@example.com\n');
    const dataFolder = path.join(folder(), 'data');
    const error = await prepareSegment({
      dataFolder,
      file,
      listName: 'L',
      maps: [],
      capacity: { maxBytes: 2 * 1024 ** 3, freeBytes: async () => 1024 },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadInputError);
    expect(error).toMatchObject({ code: 'not-enough-space' });
    expect(await readdir(path.join(dataFolder, 'segments')).catch(() => [])).toEqual([]);
  });
});
