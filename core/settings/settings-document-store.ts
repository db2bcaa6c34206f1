/**
 * Where the settings document is kept, read and written whole. electron-store backs it in the app
 * (electron/services/electron-store-settings-store.ts); the command line and the tests use the
 * JSON file store (./json-file-store.ts) over the same file, so both see the same destinations.
 */
export interface SettingsDocumentStore {
  /** Where the document lives, for messages. */
  readonly location: string;
  /** The stored document, or undefined when nothing was saved yet. */
  read(): Promise<unknown>;
  write(document: Readonly<Record<string, unknown>>): Promise<void>;
}
