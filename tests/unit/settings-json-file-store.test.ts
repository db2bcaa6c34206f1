import * as fs from 'node:fs/promises';
import path from 'node:path';
import Conf from 'conf';
import { beforeEach, describe, expect, it } from 'vitest';
import { createJsonFileStore, type SettingsFileSystem } from '../../core/settings/json-file-store';
import { SettingsError } from '../../core/settings/settings-error';
import { useTempFolder } from '../support/temp-folder';

const folder = useTempFolder('courier-store-');
let file: string;

beforeEach(async () => {
  file = path.join(folder(), 'nested', 'config.json');
});

describe('JSON file settings store', () => {
  it('reads nothing from a missing or empty file', async () => {
    const store = createJsonFileStore(file);
    expect(await store.read()).toBeUndefined();
    await fs.mkdir(path.dirname(file));
    await fs.writeFile(file, '  \n');
    expect(await store.read()).toBeUndefined();
  });

  it('writes the whole document, readable only by its owner, and leaves no temporary file', async () => {
    const store = createJsonFileStore(file);
    await store.write({ schemaVersion: 1, destinations: [] });
    await store.write({ schemaVersion: 1, destinations: [{ id: 'x' }] });
    expect(await store.read()).toEqual({ schemaVersion: 1, destinations: [{ id: 'x' }] });
    expect(await fs.readdir(path.dirname(file))).toEqual(['config.json']);
    if (process.platform !== 'win32') {
      expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    }
  });

  it('keeps the old settings whole when the final rename fails, and says so plainly', async () => {
    const store = createJsonFileStore(file);
    await store.write({ schemaVersion: 1, kept: true });
    const failingRename: SettingsFileSystem = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const error = await createJsonFileStore(file, failingRename)
      .write({ schemaVersion: 1, kept: false })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).kind).toBe('unwritable');
    expect((error as Error).message).toMatch(/could not save its settings .* disk is not full/);
    expect(await store.read()).toEqual({ schemaVersion: 1, kept: true });
    expect(await fs.readdir(path.dirname(file))).toEqual(['config.json']);
  });

  // electron-store is conf plus Electron's userData folder; conf runs in plain Node, so this checks
  // that the app (electron-store) and the command line (this store) read each other's file.
  it('shares its file with electron-store (conf) in both directions', async () => {
    const dataFolder = path.dirname(file);
    const store = createJsonFileStore(file);
    await store.write({ schemaVersion: 1, destinations: [{ id: 'from-cli' }] });
    const conf = new Conf<Record<string, unknown>>({
      cwd: dataFolder,
      configName: 'config',
      projectName: 'x',
    });
    expect(conf.path).toBe(file);
    expect(conf.store).toEqual({ schemaVersion: 1, destinations: [{ id: 'from-cli' }] });
    const before = await fs.readFile(file, 'utf8');
    conf.store = { schemaVersion: 1, destinations: [{ id: 'from-cli' }] };
    // Same serialisation as conf's, so the two never rewrite each other's file needlessly.
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    conf.store = { schemaVersion: 1, destinations: [{ id: 'from-app' }] };
    expect(await store.read()).toEqual({ schemaVersion: 1, destinations: [{ id: 'from-app' }] });
  });
});
