import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ExportArrivals,
  type ArrivalCheck,
  type CompleteExport,
} from '../../core/automation/export-arrival';
import { watchExportFolder, type FolderWatcher } from '../../core/automation/folder-watcher';
import { TakenExports } from '../../core/automation/taken-exports';
import { useTempFolder } from '../support/temp-folder';

// A real chokidar watcher on a real temp folder. Each step waits for the watcher's next look at
// the folder (an event), never for a fixed time, so the test proves what every look saw.

const base = useTempFolder('courier-watch-');
let watched: string;
let watcher: FolderWatcher | undefined;

beforeEach(async () => {
  watched = path.join(base(), 'OneDrive - Contoso', 'Exports');
  await mkdir(watched, { recursive: true });
});

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
});

type Event = { kind: 'check'; check: ArrivalCheck } | { kind: 'complete'; found: CompleteExport };

/** Collects the watcher's events and lets the test wait for one that matches. */
function eventLog() {
  const events: Event[] = [];
  const waiters: { test: (event: Event) => boolean; resolve: () => void }[] = [];
  const push = (event: Event): void => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (!waiter.test(event)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const next = (test: (event: Event) => boolean): Promise<void> =>
    new Promise((resolve) => waiters.push({ test, resolve }));
  return { events, push, next };
}

const waitingFor = (reason: string) => (event: Event) =>
  event.kind === 'check' && event.check.waiting.some((entry) => entry.reason === reason);

const exportFolder = 'CustomerInsights_9f/Weekly';
const run = 'Contact/2026/06/10/0800';
const account = 'https://contoso.dfs.core.windows.net/exports/CustomerInsights_9f/Weekly';

async function write(relative: string, text: string): Promise<void> {
  const target = path.join(watched, exportFolder, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
}

const schema = JSON.stringify({
  name: 'Weekly',
  entities: [
    {
      $type: 'LocalEntity',
      name: 'Contact',
      attributes: [{ name: 'CustomerId' }, { name: 'PrimaryEmail' }],
      partitions: ['Contact_1.csv', 'Contact_2.csv'].map((part) => ({
        name: part,
        location: `${account}/${run}/${part}`,
      })),
    },
  ],
});

describe('folder watcher', () => {
  it('a Customer Insights folder written part by part gives one complete export, after the last part', async () => {
    const log = eventLog();
    const errors: unknown[] = [];
    watcher = watchExportFolder({
      watchedFolder: watched,
      arrivals: new ExportArrivals({
        watchedFolder: watched,
        setupId: 'weekly',
        taken: new TakenExports(path.join(base(), 'data')),
        now: () => Date.now(),
        stableForMs: 300,
      }),
      debounceMs: 100,
      onCheck: (check) => log.push({ kind: 'check', check }),
      onComplete: (found) => log.push({ kind: 'complete', found }),
      onError: (error) => errors.push(error),
    });
    await watcher.ready;

    let seen = log.next(
      waitingFor('It belongs to a Customer Insights export whose schema file is not there yet.'),
    );
    await write(`${run}/Contact_1.csv`, '1,ana@example.com\n');
    await seen;
    seen = log.next(waitingFor('model.json is not complete JSON yet.'));
    await write('model.json', schema.slice(0, 60));
    await seen;
    seen = log.next(waitingFor('Contact_2.csv is not there yet.'));
    await write('model.json', schema);
    await seen;

    const completed = log.next((event) => event.kind === 'complete');
    const beforeLastPart = log.events.length;
    await write(`${run}/Contact_2.csv`, '2,joan@example.com\n');
    await completed;

    const completes = log.events.filter((event) => event.kind === 'complete');
    expect(completes).toHaveLength(1);
    expect(log.events.findIndex((event) => event.kind === 'complete')).toBeGreaterThan(
      beforeLastPart,
    );
    const [only] = completes;
    expect(only?.kind === 'complete' && only.found.path).toBe(exportFolder);

    // Later changes in the folder (a note added) bring another look but not the same export again.
    const nextLook = log.next((event) =>
      event.kind === 'check' ? event.check.waiting.length === 0 : false,
    );
    await writeFile(path.join(watched, 'read me.pdf'), 'notes');
    await nextLook;
    expect(log.events.filter((event) => event.kind === 'complete')).toHaveLength(1);
    expect(errors).toEqual([]);
  }, 20_000);
});
