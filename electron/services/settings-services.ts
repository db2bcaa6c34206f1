import {
  createDestinationsService,
  type DestinationsService,
} from '../../core/destinations/destinations-service';
import { createKeyringSecretStore } from '../../core/secrets/keyring-secret-store';
import { defaultKeychainService, type SecretStore } from '../../core/secrets/secret-store';
import { settingsFilePath } from '../../core/settings/data-folder';
import { createJsonFileStore } from '../../core/settings/json-file-store';
import type { SettingsDocumentStore } from '../../core/settings/settings-document-store';
import {
  createSettingsRepository,
  type SettingsRepository,
} from '../../core/settings/settings-repository';
import { currentOsUser } from '../../core/system/os-user';

interface SettingsHostOptions {
  readonly dataFolder: string;
  /**
   * Where settings live: electron-store in the app (injected by electron/main.ts, since it imports
   * Electron); the JSON file store over the same `<dataFolder>/config.json` everywhere else.
   */
  readonly createSettingsStore?: (dataFolder: string) => SettingsDocumentStore;
  /** The keychain service name: the app's name, unless a test isolates its entries. */
  readonly keychainService?: string;
}

export interface SettingsServices {
  readonly settings: SettingsRepository;
  readonly secrets: SecretStore;
  readonly destinations: DestinationsService;
}

/** Settings, the keychain and destinations over them. Nothing here touches the keychain yet. */
export function createSettingsServices(options: SettingsHostOptions): SettingsServices {
  const store =
    options.createSettingsStore?.(options.dataFolder) ??
    createJsonFileStore(settingsFilePath(options.dataFolder));
  const settings = createSettingsRepository(store);
  const secrets = createKeyringSecretStore({
    service: options.keychainService ?? defaultKeychainService,
  });
  const destinations = createDestinationsService({ settings, secrets, osUser: currentOsUser });
  return { settings, secrets, destinations };
}
