import ElectronStore from 'electron-store';
import type { SettingsDocumentStore } from '../../core/settings/settings-document-store';
import { SettingsError } from '../../core/settings/settings-error';

/**
 * The settings document on electron-store, in main only (../../shared/docs/style.md, practice 7).
 * File `config.json` in the data folder (Electron's userData). Schema and migrations are the
 * repository's (core/settings/), not electron-store's, so the command line's JSON file store reads
 * and writes exactly the same document without Electron.
 */
export function createElectronStoreSettingsStore(dataFolder: string): SettingsDocumentStore {
  const store = new ElectronStore<Record<string, unknown>>({ cwd: dataFolder, name: 'config' });
  const location = store.path;
  return {
    location,
    async read() {
      try {
        // `store.store` reads the file each time, so changes the command line made are seen.
        return store.store;
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
        store.store = { ...document };
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
