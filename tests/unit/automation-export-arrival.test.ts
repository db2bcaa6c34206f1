import { appendFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExportArrivals } from '../../core/automation/export-arrival';
import { matchLocation } from '../../core/automation/export-schema-parts';
import { TakenExports, takenExportsFile } from '../../core/automation/taken-exports';
import { useTempFolder } from '../support/temp-folder';

// Real files in a temp folder; only the time between looks is injected, so "stable for five
// seconds" needs no waiting.
const base = useTempFolder('courier-arrival-');
let watched: string;
let dataFolder: string;
let now: number;

beforeEach(async () => {
  watched = path.join(base(), 'watched');
  dataFolder = path.join(base(), 'data');
  await mkdir(watched, { recursive: true });
  now = Date.UTC(2026, 5, 10, 8, 0);
});

function arrivals(options: Partial<ConstructorParameters<typeof ExportArrivals>[0]> = {}) {
  return new ExportArrivals({
    watchedFolder: watched,
    setupId: 'weekly-newsletter',
    taken: new TakenExports(dataFolder),
    now: () => now,
    stableForMs: 5_000,
    ...options,
  });
}

async function write(relative: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(watched, relative)), { recursive: true });
  await writeFile(path.join(watched, relative), text);
}

const account = 'https://contoso.blob.core.windows.net/exports/CustomerInsights_1a2b';
const run = 'Contact/2026/06/10/0800';
const exportFolder = 'CustomerInsights_1a2b/Weekly Newsletter';

function modelJson(parts: readonly string[]): string {
  return JSON.stringify({
    name: 'Weekly Newsletter',
    entities: [
      {
        $type: 'LocalEntity',
        name: 'Contact',
        attributes: [{ name: 'CustomerId' }, { name: 'PrimaryEmail' }],
        partitions: parts.map((part) => ({
          name: part,
          location: `${account}/Weekly%20Newsletter/${run}/${part}?sv=2024&sig=secret`,
        })),
      },
    ],
  });
}

describe('export arrival: plain files', () => {
  it('a file is complete only after two looks five seconds apart show no change', async () => {
    const detector = arrivals();
    await write('segment.csv', 'email\nana@example.com\n');
    expect((await detector.check()).complete).toEqual([]);
    now += 6_000;
    await appendFile(path.join(watched, 'segment.csv'), 'joan@example.com\n');
    const changed = await detector.check();
    expect(changed.complete).toEqual([]);
    expect(changed.waiting).toEqual([
      { path: 'segment.csv', reason: 'Its files are still being written.' },
    ]);
    expect(changed.recheckInMs).toBe(5_000);
    now += 5_000;
    const { taken } = await detector.takeComplete();
    expect(taken.map((found) => [found.kind, found.path])).toEqual([['file', 'segment.csv']]);
    expect(taken[0]?.files[0]?.size).toBe('email\nana@example.com\njoan@example.com\n'.length);
  });

  it('the same export is never taken twice, not even after a restart', async () => {
    await write('segment.csv.gz', 'not really gzip, but bytes');
    const first = arrivals();
    await first.check();
    now += 5_000;
    expect((await first.takeComplete()).taken).toHaveLength(1);
    now += 5_000;
    expect((await first.takeComplete()).taken).toEqual([]);

    const afterRestart = arrivals();
    await afterRestart.check();
    now += 5_000;
    expect((await afterRestart.check()).complete).toEqual([]);
    const record = JSON.parse(await readFile(takenExportsFile(dataFolder), 'utf8'));
    expect(record.setups['weekly-newsletter']).toHaveLength(1);
    expect((await stat(takenExportsFile(dataFolder))).mode & 0o777).toBe(0o600);

    // Another setup watching the same folder takes it for itself.
    const other = arrivals({ setupId: 'vip-list' });
    await other.check();
    now += 5_000;
    expect((await other.takeComplete()).taken).toHaveLength(1);
  });

  it('a file replaced by a new export is taken again; empty and unknown files wait', async () => {
    await write('segment.xlsx', 'week 23');
    await write('notes.pdf', 'not an export');
    await write('.segment.csv.tmp', 'half a copy');
    await write('empty.tsv', '');
    const detector = arrivals();
    await detector.check();
    now += 5_000;
    const first = await detector.takeComplete();
    expect(first.taken.map((found) => found.path)).toEqual(['segment.xlsx']);
    expect(first.check.waiting).toEqual([
      { path: 'empty.tsv', reason: 'A file in it is still empty.' },
    ]);
    await write('segment.xlsx', 'week 24, a little longer');
    await detector.check();
    now += 5_000;
    expect((await detector.takeComplete()).taken.map((found) => found.path)).toEqual([
      'segment.xlsx',
    ]);
  });

  it('turning automation on adopts what is already there; only later exports are taken', async () => {
    await write('last-week.csv', 'email\nana@example.com\n');
    await write('copying.csv', '');
    const detector = arrivals();
    expect(await detector.adoptPresent()).toBe(1);
    await write('copying.csv', 'email\njoan@example.com\n');
    await detector.check();
    now += 5_000;
    expect((await detector.takeComplete()).taken.map((found) => found.path)).toEqual([
      'copying.csv',
    ]);
  });

  it('refuses to guess when the record of taken exports is damaged', async () => {
    await mkdir(path.dirname(takenExportsFile(dataFolder)), { recursive: true });
    await writeFile(takenExportsFile(dataFolder), '{"version": 1, "setu');
    await write('segment.csv', 'email\nana@example.com\n');
    const detector = arrivals();
    await detector.check();
    now += 5_000;
    await expect(detector.takeComplete()).rejects.toThrow(/is damaged/);
  });
});

describe('export arrival: Customer Insights export folders', () => {
  it('a model.json folder written part by part is complete once every named part is stable', async () => {
    const detector = arrivals();
    const reasons = async (): Promise<string[]> => {
      const check = await detector.check();
      expect(check.complete).toEqual([]);
      now += 6_000;
      return check.waiting.map((entry) => entry.reason);
    };
    // An older run lies beside the new one, as in a synced container.
    await write(`${exportFolder}/Contact/2026/06/03/0800/Contact_1.csv`, 'old,old@example.com\n');
    await write(`${exportFolder}/${run}/Contact_1.csv`, '1,ana@example.com\n');
    expect(await reasons()).toContain(
      'It belongs to a Customer Insights export whose schema file is not there yet.',
    );
    const schema = modelJson(['Contact_1.csv', 'Contact_2.csv']);
    await write(`${exportFolder}/model.json`, schema.slice(0, 40));
    expect(await reasons()).toEqual(['model.json is not complete JSON yet.']);
    await write(`${exportFolder}/model.json`, schema);
    expect(await reasons()).toEqual(['Contact_2.csv is not there yet.']);
    await write(`${exportFolder}/${run}/Contact_2.csv`, '2,joan@example.com\n');
    expect(await reasons()).toEqual(['Its files are still being written.']);

    const { taken } = await detector.takeComplete();
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({
      kind: 'cdm-folder',
      path: exportFolder,
      schemaFile: `${exportFolder}/model.json`,
    });
    expect(taken[0]?.files.map((file) => file.path)).toEqual([
      `${exportFolder}/model.json`,
      `${exportFolder}/${run}/Contact_1.csv`,
      `${exportFolder}/${run}/Contact_2.csv`,
    ]);
    now += 6_000;
    expect((await detector.takeComplete()).taken).toEqual([]);

    // The next refresh rewrites the schema for a new run: a new export.
    const nextRun = 'Contact/2026/06/17/0800';
    await write(`${exportFolder}/${nextRun}/Contact_1.csv`, '1,ana@example.com\n');
    await write(`${exportFolder}/${nextRun}/Contact_2.csv`, '3,pau@example.com\n');
    await write(`${exportFolder}/model.json`, schema.replaceAll(run, nextRun));
    await detector.check();
    now += 6_000;
    expect((await detector.takeComplete()).taken).toHaveLength(1);
  });

  it('a CDM manifest needs its entity document and its partitions', async () => {
    const manifest = JSON.stringify({
      manifestName: 'default',
      entities: [
        {
          type: 'LocalEntity',
          entityName: 'Contact',
          entityPath: 'Contact.cdm.json/Contact',
          dataPartitions: [{ location: 'local:/Contact/part-0001.csv' }],
        },
      ],
    });
    await write('Export/default.manifest.cdm.json', manifest);
    await write('Export/Contact/part-0001.csv', '1,ana@example.com\n');
    const detector = arrivals({ accept: ['cdm-folder'] });
    const first = await detector.check();
    expect(first.waiting).toEqual([
      { path: 'Export', reason: 'Contact.cdm.json is not there yet.' },
    ]);
    await write('Export/Contact.cdm.json', '{"definitions": []}');
    await detector.check();
    now += 5_000;
    const { taken } = await detector.takeComplete();
    expect(taken.map((found) => found.files.map((file) => file.path))).toEqual([
      [
        'Export/default.manifest.cdm.json',
        'Export/Contact.cdm.json',
        'Export/Contact/part-0001.csv',
      ],
    ]);
  });
});

describe('export arrival: partition locations', () => {
  const files = new Set(['Contact/2026/06/10/0800/Contact 1.csv', 'Contact 1.csv', 'x/y.csv']);

  it('matches a location by its longest path below the export folder', () => {
    const url = `${account}/Weekly/Contact/2026/06/10/0800/Contact%201.csv?sig=abc`;
    expect(matchLocation(url, files)).toBe('Contact/2026/06/10/0800/Contact 1.csv');
    expect(matchLocation('adls:/container/Export/x/y.csv', files)).toBe('x/y.csv');
    expect(matchLocation(`${account}/Weekly/Contact/2026/06/11/0800/Contact_9.csv`, files)).toBe(
      undefined,
    );
  });
});
