/**
 * What only the host (Electron, or the test harness standing in for it) gives the main-process
 * services. Its own file so the services it is handed to need not import host-services.ts.
 */
import type { SettingsDocumentStore } from '../../core/settings/settings-document-store';
import type { EventPayload } from '../../shared/ipc/bridge-api';
import type { IpcEventChannel } from '../../shared/ipc/contract';

/** How main pushes events to the renderer: `webContents.send` in the app, the page in tests. */
interface EventSink {
  emit<E extends IpcEventChannel>(channel: E, payload: EventPayload<E>): void;
}

/** What only the host (Electron, or the test harness standing in for it) can provide. */
export interface HostEnvironment {
  readonly appName: string;
  readonly appVersion: string;
  readonly platform: string;
  /** The app's data folder: settings, segment snapshots, job journals. */
  readonly dataFolder: string;
  readonly events: EventSink;
  /** electron-store in the app (it imports Electron); the JSON file store over the same file otherwise. */
  readonly createSettingsStore?: (dataFolder: string) => SettingsDocumentStore;
  /** The keychain service name: the app's name unless a test isolates its entries. */
  readonly keychainService?: string;
  /** The system's Open dialog for segment files (Electron); absent where there is none. */
  readonly chooseFiles?: () => Promise<string[]>;
  /** The system's folder dialog (a folder to watch for new exports): the path, or null. */
  readonly chooseFolder?: () => Promise<string | null>;
  /** Hands over the files the system asked the app to open (double-click, second launch). */
  readonly takeOpenFiles?: () => string[];
  /** Keeps the computer awake while an export runs (powerSaveBlocker); returns the release. */
  readonly keepAwake?: () => () => void;
  /** An OS notification (when an export ends). */
  readonly notify?: (title: string, body: string) => void;
  /** The system's Save dialog (the report CSV): the chosen path, or null when cancelled. */
  readonly saveFile?: (suggestedName: string) => Promise<string | null>;
  /**
   * Starting the app at login (Electron's login item settings, Windows and macOS); absent where
   * the system offers none, which reads as unsupported.
   */
  readonly loginItem?: {
    readonly supported: boolean;
    get(): boolean;
    set(enabled: boolean): void;
  };
}
