import type { SettingsDocumentStore } from './settings-document-store';
import { SettingsError } from './settings-error';
import {
  migrateSettingsDocument,
  settingsMigrations,
  type SettingsMigration,
} from './settings-migrations';
import { settingsSchema, type Settings } from './settings-schema';

export interface SettingsRepository {
  /** Where the settings live (a file path), for messages. */
  readonly location: string;
  /** The current settings, migrated and validated. Never writes: the command line only reads. */
  read(): Promise<Settings>;
  /**
   * Applies a change and saves the result. Changes run one after another, each on the result of
   * the previous one, so two quick edits never lose each other.
   */
  update(change: (current: Settings) => Settings): Promise<Settings>;
}

interface SettingsRepositoryOptions {
  readonly migrations?: readonly SettingsMigration[];
}

function validate(document: unknown, location: string): Settings {
  const parsed = settingsSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
  throw new SettingsError(
    'damaged',
    `Segment Courier's settings file (${location}) is damaged${where}. Restore it from a backup, or move it away to start with empty settings.`,
    { cause: parsed.error },
  );
}

/** Settings with a schema, defaults and versioned migrations over any whole-document store. */
export function createSettingsRepository(
  store: SettingsDocumentStore,
  options: SettingsRepositoryOptions = {},
): SettingsRepository {
  const migrations = options.migrations ?? settingsMigrations;
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<Settings> {
    const { document } = migrateSettingsDocument(await store.read(), store.location, migrations);
    return validate(document, store.location);
  }

  async function applyChange(change: (current: Settings) => Settings): Promise<Settings> {
    // Validated before writing, so a bug in a caller can never save a document we cannot read.
    const next = validate(change(await read()), store.location);
    await store.write(next);
    return next;
  }

  return {
    location: store.location,
    read,
    update(change) {
      const result = queue.then(() => applyChange(change));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
