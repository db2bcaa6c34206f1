import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { headerSignature } from '../../core/exports/header-signature';
import { settingsFilePath } from '../../core/settings/data-folder';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import { forgetKeys, openExportsWorld, type ExportsWorld } from '../support/exports-fixture';

const mapping: FieldMapping = {
  email: 'PrimaryEmail',
  standard: { FirstName: 'FirstName' },
  custom: [],
};
const file = 'PrimaryEmail,FirstName\r\nanna@example.com,Anna\r\nbob@example.com,Bob\r\n';

let emulator: RunningEmulator;
let world: ExportsWorld;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
  await forgetKeys();
});
beforeEach(async () => {
  world = await openExportsWorld(emulator);
});
afterEach(async () => {
  await world.close();
});

describe('saved export setups', () => {
  it('saves, lists, replaces by name, reopens and deletes; the matching is remembered', async () => {
    const destinationId = await world.addDestination('Main', emulatorTestKey);
    const segment = await world.importFile('weekly.csv', file);
    const signature = headerSignature(segment.columns);
    const saved = await world.exports.saveSetup({
      name: '  Weekly   newsletter ',
      destinationId,
      segments: [{ segmentId: segment.id, list: { kind: 'existing', name: 'Newsletter' } }],
      mappings: [{ signature, mapping }],
    });
    expect(saved).toMatchObject({
      name: 'Weekly newsletter',
      destinationId,
      segments: [
        {
          segmentId: segment.id,
          segmentName: 'weekly',
          signature,
          list: { kind: 'existing', name: 'Newsletter' },
        },
      ],
      mappings: [{ signature, mapping }],
    });
    const again = await world.exports.saveSetup({
      name: 'weekly NEWSLETTER',
      destinationId,
      segments: [{ segmentId: segment.id, list: { kind: 'segment' } }],
      mappings: [],
    });
    expect(again.id).toBe(saved.id);
    expect(await world.exports.setups()).toHaveLength(1);
    expect((await world.exports.setups())[0]?.segments[0]?.list).toEqual({ kind: 'segment' });
    expect((await world.exports.shapes([segment.id]))[0]?.remembered).toEqual(mapping);

    await expect(
      world.exports.saveSetup({ name: '   ', destinationId, segments: [], mappings: [] }),
    ).rejects.toMatchObject({ code: 'export-invalid-setup-name' });
    await expect(
      world.exports.saveSetup({ id: 'gone', name: 'X', destinationId, segments: [], mappings: [] }),
    ).rejects.toMatchObject({ code: 'export-setup-not-found' });

    await world.exports.deleteSetup(saved.id);
    expect(await world.exports.setups()).toEqual([]);
    await expect(world.exports.deleteSetup(saved.id)).rejects.toMatchObject({
      code: 'export-setup-not-found',
    });
  });

  it('reads setups written before their shape existed, keeping unknown parts', async () => {
    await writeFile(
      settingsFilePath(world.dataFolder),
      JSON.stringify({
        schemaVersion: 1,
        destinations: [],
        exportSetups: [{ id: 'old', name: 'Old one', destinationId: 'd1', extra: { kept: true } }],
        preferences: {},
      }),
    );
    expect(await world.exports.setups()).toEqual([
      {
        id: 'old',
        name: 'Old one',
        destinationId: 'd1',
        createdAt: '',
        updatedAt: '',
        segments: [],
        mappings: [],
      },
    ]);
    await world.exports.saveSetup({
      id: 'old',
      name: 'Old one',
      destinationId: null,
      segments: [],
      mappings: [],
    });
    const stored = JSON.parse(await readFile(settingsFilePath(world.dataFolder), 'utf8'));
    expect(stored.exportSetups[0]).toMatchObject({ id: 'old', extra: { kept: true } });
    expect(stored.exportSetups[0].destinationId).toBeUndefined();
    expect(stored.headerMappings).toEqual([]);
  });
});

describe('export again', () => {
  async function pastExport() {
    const destinationId = await world.addDestination('Main', emulatorTestKey);
    const segment = await world.importFile('weekly.csv', file);
    const { jobId } = await world.exports.start({
      destinationId,
      segments: [{ segmentId: segment.id, listName: 'Weekly', mapping }],
      consent: { confirmed: true, profiles: 2 },
    });
    await world.runs.get(jobId);
    return { destinationId, segment, jobId };
  }

  it('reuses the snapshot while its file is unchanged', async () => {
    const { destinationId, segment, jobId } = await pastExport();
    expect(await world.exports.again(jobId)).toMatchObject({
      jobId,
      destinationId,
      destinationName: 'Main',
      segments: [
        {
          name: 'weekly',
          fileName: 'weekly.csv',
          listName: 'Weekly',
          mapping,
          state: 'ready',
          segmentId: segment.id,
        },
      ],
    });
  });

  it('offers to import a changed file again from its place, and asks for a moved one', async () => {
    const { segment, jobId } = await pastExport();
    const source = path.join(world.filesFolder, 'weekly.csv');
    await writeFile(source, `${file}carla@example.com,Carla\r\n`);
    expect((await world.exports.again(jobId)).segments[0]?.state).toBe('changed');

    const outcome = await world.exports.reimportSource(segment.id);
    expect(outcome).toMatchObject({ ok: true, segment: { counts: { rows: 3 } } });
    const fresh = outcome.ok ? outcome.segment.id : '';
    expect(fresh).not.toBe(segment.id);
    // Same shape: matched as last time without asking.
    expect((await world.exports.shapes([fresh]))[0]?.remembered).toEqual(mapping);

    await rm(source);
    expect((await world.exports.again(jobId)).segments[0]?.state).toBe('moved');
    await world.library.remove(segment.id);
    expect((await world.exports.again(jobId)).segments[0]).toMatchObject({
      state: 'missing',
      segmentId: null,
    });
    await expect(world.exports.again('20250101-000000-abcdef')).rejects.toMatchObject({
      code: 'export-job-not-found',
    });
  });
});
