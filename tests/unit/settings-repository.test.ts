import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createJsonFileStore } from '../../core/settings/json-file-store';
import { SettingsError } from '../../core/settings/settings-error';
import {
  migrateSettingsDocument,
  type SettingsMigration,
} from '../../core/settings/settings-migrations';
import { createSettingsRepository } from '../../core/settings/settings-repository';
import { defaultSettings, type DestinationRecord } from '../../core/settings/settings-schema';
import { useTempFolder } from '../support/temp-folder';

const folder = useTempFolder('courier-settings-');
let file: string;

beforeEach(async () => {
  file = path.join(folder(), 'config.json');
});

function destination(id: string, displayName: string): DestinationRecord {
  return {
    id,
    displayName,
    service: 'autopilot',
    endpoint: 'https://api2.autopilothq.com/v1',
    requestsPerSecond: 5,
    createdAt: '2025-03-01T09:00:00.000Z',
    privacyAgreement: {
      agreedAt: '2025-03-01T09:00:00.000Z',
      osUser: 'marta',
      termsVersion: '2025-01',
    },
  };
}

const repositoryAt = (target = file) => createSettingsRepository(createJsonFileStore(target));

describe('settings repository', () => {
  it('starts from the defaults when nothing was saved, without writing anything', async () => {
    expect(await repositoryAt().read()).toEqual(defaultSettings());
    expect(await readdir(folder())).toEqual([]);
  });

  it('migrates the empty document electron-store creates, keeping unknown saved setups intact', async () => {
    await writeFile(file, '{}');
    expect(await repositoryAt().read()).toEqual(defaultSettings());
    const setup = {
      id: 's1',
      name: 'Weekly',
      destinationId: 'd1',
      mapping: { Email: 'PrimaryEmail' },
    };
    await writeFile(file, JSON.stringify({ exportSetups: [setup] }));
    const settings = await repositoryAt().read();
    expect(settings.schemaVersion).toBe(1);
    expect(settings.exportSetups).toEqual([setup]);
  });

  it('saves changes and reads them back from the file', async () => {
    const repository = repositoryAt();
    await repository.update((current) => ({
      ...current,
      destinations: [destination('d1', 'Marketing')],
      preferences: { language: 'ca' },
    }));
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(onDisk.schemaVersion).toBe(1);
    expect(await repositoryAt().read()).toMatchObject({
      destinations: [{ id: 'd1', displayName: 'Marketing' }],
      preferences: { language: 'ca' },
    });
  });

  it('reads a destination saved before Ortto existed (no service) as Autopilot', async () => {
    const { service: _service, ...old } = destination('d1', 'Marketing');
    await writeFile(file, JSON.stringify({ ...defaultSettings(), destinations: [old] }));
    const [read] = (await repositoryAt().read()).destinations;
    expect(read).toMatchObject({ id: 'd1', service: 'autopilot' });
    expect(read?.region).toBeUndefined();
  });

  it('runs quick successive changes one after another, so none is lost', async () => {
    const repository = repositoryAt();
    await Promise.all(
      ['A', 'B', 'C', 'D'].map((name) =>
        repository.update((current) => ({
          ...current,
          destinations: [...current.destinations, destination(name, name)],
        })),
      ),
    );
    const names = (await repository.read()).destinations.map((item) => item.displayName);
    expect(names).toEqual(['A', 'B', 'C', 'D']);
  });

  it('refuses to save a document that does not match the schema and keeps the old file', async () => {
    const repository = repositoryAt();
    await repository.update((current) => ({
      ...current,
      destinations: [destination('d1', 'Kept')],
    }));
    const before = await readFile(file, 'utf8');
    const broken = repository.update((current) => ({
      ...current,
      destinations: [{ ...destination('d2', ''), requestsPerSecond: -1 }],
    }));
    await expect(broken).rejects.toBeInstanceOf(SettingsError);
    expect(await readFile(file, 'utf8')).toBe(before);
    // A failed change does not block the ones after it.
    await repository.update((current) => ({ ...current, preferences: { language: 'en' } }));
    expect((await repository.read()).preferences.language).toBe('en');
  });

  it('explains a damaged file in plain words, naming the file', async () => {
    await writeFile(file, '{"destinations": [');
    await expect(repositoryAt().read()).rejects.toThrow(
      /settings file \(.*config\.json\) is damaged: it is not valid JSON/,
    );
    await writeFile(
      file,
      JSON.stringify({
        schemaVersion: 1,
        destinations: [{ id: 3 }],
        exportSetups: [],
        preferences: {},
      }),
    );
    await expect(repositoryAt().read()).rejects.toThrow(/is damaged at "destinations\.0\.id"/);
  });

  it('will not touch settings written by a newer version of the app', async () => {
    await writeFile(file, JSON.stringify({ schemaVersion: 7 }));
    const error = await repositoryAt()
      .read()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).kind).toBe('newer-version');
    expect((error as Error).message).toContain('Update Segment Courier');
  });
});

describe('settings migrations', () => {
  const migrations: SettingsMigration[] = [
    {
      version: 1,
      description: 'one',
      migrate: (doc) => ({ ...doc, schemaVersion: 1, steps: ['1'] }),
    },
    {
      version: 2,
      description: 'two',
      migrate: (doc) => ({ ...doc, schemaVersion: 2, steps: [...(doc.steps as string[]), '2'] }),
    },
  ];

  it('applies every step from the stored version up, in order', () => {
    expect(migrateSettingsDocument(undefined, 'x', migrations, 2)).toEqual({
      document: { schemaVersion: 2, steps: ['1', '2'] },
      migrated: true,
    });
    expect(
      migrateSettingsDocument({ schemaVersion: 1, steps: ['old'] }, 'x', migrations, 2),
    ).toEqual({
      document: { schemaVersion: 2, steps: ['old', '2'] },
      migrated: true,
    });
    expect(migrateSettingsDocument({ schemaVersion: 2 }, 'x', migrations, 2).migrated).toBe(false);
  });

  it('rejects a document that is not an object or has a nonsense version', () => {
    expect(() => migrateSettingsDocument([1, 2], 'f', migrations, 2)).toThrow(
      /does not hold settings/,
    );
    expect(() => migrateSettingsDocument({ schemaVersion: 'two' }, 'f', migrations, 2)).toThrow(
      /version is not a number/,
    );
  });
});
