import * as fs from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createJsonFileStore } from '../../core/settings/json-file-store';
import { SettingsError } from '../../core/settings/settings-error';
import { createElectronStoreSettingsStore } from '../../electron/services/electron-store-settings-store';
import { useTempFolder } from '../support/temp-folder';

// Outside Electron the `electron` package only names its binary, and would try to download it
// when it is missing. Pointing it at a folder stops that; electron-store then runs as what it is
// underneath (conf over the folder it is given), which is the part these tests are about.
vi.hoisted(() => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron-dist';
});

const dataFolder = useTempFolder('courier-electron-store-');
let file: string;

beforeEach(async () => {
  file = path.join(dataFolder(), 'config.json');
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'no error',
    (error: unknown) => error,
  );
}

describe('the electron-store settings store', () => {
  it('reads an empty document when nothing was saved yet, and writes nothing', async () => {
    const store = createElectronStoreSettingsStore(dataFolder());
    expect(store.location).toBe(file);
    expect(await store.read()).toEqual({});
    expect(await fs.readdir(dataFolder())).toEqual([]);
  });

  it('reads back what it wrote, from the file the command line reads too', async () => {
    const store = createElectronStoreSettingsStore(dataFolder());
    const document = { schemaVersion: 1, destinations: [{ id: 'a', name: 'Newsletter' }] };
    await store.write(document);
    expect(await store.read()).toEqual(document);
    expect(await createJsonFileStore(file).read()).toEqual(document);
    await createJsonFileStore(file).write({ schemaVersion: 1, destinations: [] });
    expect(await store.read()).toEqual({ schemaVersion: 1, destinations: [] });
  });

  it.runIf(process.platform !== 'win32')(
    'keeps the file readable by its owner only (0600), as every data-folder file',
    async () => {
      await fs.writeFile(file, '{}', { mode: 0o644 });
      await createElectronStoreSettingsStore(dataFolder()).write({ schemaVersion: 1 });
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    },
  );

  it('refuses a file damaged before the app started with the settings error, and keeps it', async () => {
    await fs.writeFile(file, '{"schemaVersion": 1, "destinations": [');
    const store = createElectronStoreSettingsStore(dataFolder());
    const error = await caught(store.read());
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).kind).toBe('damaged');
    expect((error as Error).message).toContain(file);
    expect(await fs.readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "destinations": [');
  });

  it('refuses a file damaged while the app runs, without resetting it', async () => {
    const store = createElectronStoreSettingsStore(dataFolder());
    await store.write({ schemaVersion: 1 });
    await fs.writeFile(file, 'not json');
    expect(await caught(store.read())).toMatchObject({ name: 'SettingsError', kind: 'damaged' });
    expect(await fs.readFile(file, 'utf8')).toBe('not json');
  });

  it('says plainly when the folder cannot be written', async () => {
    // A file where the data folder should be: no permission trick, so it fails as root too.
    await fs.writeFile(path.join(dataFolder(), 'blocked'), '');
    const store = createElectronStoreSettingsStore(path.join(dataFolder(), 'blocked', 'inner'));
    const error = await caught(store.write({ schemaVersion: 1 }));
    expect(error).toMatchObject({ name: 'SettingsError', kind: 'unwritable' });
  });
});
