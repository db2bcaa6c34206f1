import { SettingsError } from './settings-error';
import { currentSettingsVersion } from './settings-schema';

type Document = Record<string, unknown>;

/** Moves a document from `version - 1` to `version`. Pure: returns a new object. */
export interface SettingsMigration {
  readonly version: number;
  readonly description: string;
  migrate(document: Document): Document;
}

/**
 * Every layout the settings file has had, oldest first. A document without `schemaVersion` is
 * version 0: a file that does not exist yet, or one electron-store created empty.
 */
export const settingsMigrations: readonly SettingsMigration[] = [
  {
    version: 1,
    description: 'Destinations, saved export setups and interface preferences.',
    migrate: (document) => ({
      destinations: [],
      exportSetups: [],
      preferences: {},
      ...document,
      schemaVersion: 1,
    }),
  },
];

function versionOf(document: Document, location: string): number {
  const version = document.schemaVersion ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new SettingsError(
      'damaged',
      `Segment Courier's settings file (${location}) is damaged: its version is not a number.`,
    );
  }
  return version;
}

/** Brings a stored document up to `targetVersion`, one step at a time. */
export function migrateSettingsDocument(
  stored: unknown,
  location: string,
  migrations: readonly SettingsMigration[] = settingsMigrations,
  targetVersion: number = currentSettingsVersion,
): { readonly document: Document; readonly migrated: boolean } {
  if (
    stored !== undefined &&
    (typeof stored !== 'object' || stored === null || Array.isArray(stored))
  ) {
    throw new SettingsError(
      'damaged',
      `Segment Courier's settings file (${location}) is damaged: it does not hold settings.`,
    );
  }
  let document: Document = { ...(stored as Document | undefined) };
  const from = versionOf(document, location);
  if (from > targetVersion) {
    throw new SettingsError(
      'newer-version',
      `Segment Courier's settings (${location}) were saved by a newer version of the app. Update Segment Courier to use them.`,
    );
  }
  for (let version = from + 1; version <= targetVersion; version += 1) {
    const step = migrations.find((migration) => migration.version === version);
    if (!step) throw new Error(`No settings migration to version ${version}.`);
    document = step.migrate(document);
  }
  return { document, migrated: from !== targetVersion };
}
