import path from 'node:path';
import ElectronStore from 'electron-store';
import { privateFileMode } from '../../core/files/private-files';
import type { SettingsDocumentStore } from '../../core/settings/settings-document-store';
import { SettingsError } from '../../core/settings/settings-error';

/**
 * The settings document on electron-store, in main only (../../shared/docs/style.md, practice 7).
 * File `config.json` in the data folder (Electron's userData). Schema and migrations are the
 * repository's (core/settings/), not electron-store's, so the command line's JSON file store reads
 * and writes exactly the same document without Electron.
 */
export function createElectronStoreSettingsStore(dataFolder: string): SettingsDocumentStore {
  const location = path.join(dataFolder, 'config.json');
  let store: ElectronStore<Record<string, unknown>> | undefined;
  // Opened on first use: electron-store reads the file as it is constructed, and a damaged file
  // must come out of read() as the settings error below, not stop the app from starting. 0600 as
  // every file in the data folder (core/files/private-files.ts); conf's default is 0666.
  const opened = () =>
    (store ??= new ElectronStore({
      cwd: dataFolder,
      name: 'config',
      configFileMode: privateFileMode,
    }));
  return {
    location,
    async read() {
      try {
        // `store.store` reads the file each time, so changes the command line made are seen.
        return opened().store;
      } catch (error) {
        throw new SettingsError(
          'damaged',
          `Segment Courier's settings file (${location}) is damaged. Restore it from a backup, or move it away to start with empty settings.`,
          { cause: error },
        );
      }
    },
    async write(document) {
      try {
        opened().store = { ...document };
      } catch (error) {
        throw new SettingsError(
          'unwritable',
          `Segment Courier could not save its settings in ${dataFolder}. Check that the disk is not full and that you may write there.`,
          { cause: error },
        );
      }
    },
  };
}
