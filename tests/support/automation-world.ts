/**
 * The automatic exports' test world, on the export-setup world (exports-fixture.ts: real settings
 * file, real keychain, real snapshots, the engine, the emulator over 127.0.0.1): the automation
 * service as the host makes it, its events and notifications recorded, a watched folder, and a
 * writer of Customer Insights export folders that writes them part by part like a sync tool.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AutomationService } from '../../core/automation/automation-service';
import { headerSignature } from '../../core/exports/header-signature';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import { createAutomationHost } from '../../electron/services/automation-host';
import type { AutomationServiceOptions } from '../../core/automation/automation-service';
import type { AutomationRun, AutomationView } from '../../shared/model/automation';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import { forgetKeys, openExportsWorld, secrets, type ExportsWorld } from './exports-fixture';

export const exportFolder = 'CustomerInsights_9f/Weekly';
const account = 'https://contoso.dfs.core.windows.net/exports/CustomerInsights_9f/Weekly';
export const attributes = ['CustomerId', 'PrimaryEmail', 'FirstName'] as const;
export const mapping: FieldMapping = {
  email: 'PrimaryEmail',
  standard: { FirstName: 'FirstName' },
  custom: [],
};

/** One person of a segment: their email's name part and first name. */
export type Person = readonly [name: string, firstName: string];

export const people = (...names: string[]): Person[] =>
  names.map((name) => [name, name[0]?.toUpperCase() + name.slice(1)] as const);

export interface AutomationWorld extends ExportsWorld {
  readonly watched: string;
  readonly automation: AutomationService;
  readonly notifications: { title: string; body: string }[];
  readonly changes: AutomationView[];
  /** Resolves with the next run's outcome, as recorded, once its notification is out. */
  nextRun(): Promise<AutomationRun>;
  /** Writes an export folder at `root`: the first half of the parts, the schema, the rest. */
  writeExport(
    root: string,
    run: string,
    persons: readonly Person[],
    columns?: readonly string[],
  ): Promise<string>;
  /** Imports an export written outside the watched folder and saves a setup of it. */
  saveSetup(persons: readonly Person[], options?: { mirror?: boolean }): Promise<string>;
  /** A new service over the same data folder, as after a restart. */
  restart(tuning?: Pick<AutomationServiceOptions, 'clock' | 'timeZone'>): Promise<void>;
}

function partText(persons: readonly Person[], offset: number): string {
  return persons
    .map(([name, firstName], index) => `${offset + index + 1},${name}@example.com,${firstName}\n`)
    .join('');
}

function schemaText(run: string, parts: readonly string[], columns: readonly string[]): string {
  return JSON.stringify({
    name: 'Weekly',
    version: '1.0',
    entities: [
      {
        $type: 'LocalEntity',
        name: 'Contact',
        attributes: columns.map((name) => ({ name, dataType: 'string' })),
        partitions: parts.map((part) => ({ name: part, location: `${account}/${run}/${part}` })),
      },
    ],
  });
}

async function writeIn(folder: string, relative: string, text: string): Promise<void> {
  const target = path.join(folder, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text);
}

export async function openAutomationWorld(
  emulator: RunningEmulator,
  tuning: Pick<AutomationServiceOptions, 'clock' | 'timeZone'> = {},
): Promise<AutomationWorld> {
  const world = await openExportsWorld(emulator);
  const watched = await mkdtemp(path.join(os.tmpdir(), 'courier-watched-'));
  const notifications: { title: string; body: string }[] = [];
  const changes: AutomationView[] = [];
  const waiters: ((run: AutomationRun) => void)[] = [];
  // A run counts as told once its notification is out (the host words it after the run).
  const told: AutomationRun[] = [];
  const make = (given: typeof tuning) => {
    const service = createAutomationHost(
      {
        appName: 'Segment Courier',
        appVersion: '0.0.0-test',
        platform: process.platform,
        dataFolder: world.dataFolder,
        events: { emit: (_channel, payload) => changes.push(payload as AutomationView) },
        notify: (title, body) => {
          notifications.push({ title, body });
          const run = told.shift();
          if (run) waiters.splice(0).forEach((resolve) => resolve(run));
        },
      },
      { settings: world.settings, secrets },
      (jobId) => world.startJob(jobId),
      { ...given, timings: { debounceMs: 100, stableForMs: 300 } },
    );
    service.onRun((run) => told.push(run));
    return service;
  };
  let automation = make(tuning);

  async function writeExport(
    root: string,
    run: string,
    persons: readonly Person[],
    columns: readonly string[] = attributes,
  ): Promise<string> {
    const folder = path.join(root, exportFolder);
    const half = Math.ceil(persons.length / 2);
    const parts = ['Contact_1.csv', 'Contact_2.csv'];
    await writeIn(folder, `${run}/${parts[0]}`, partText(persons.slice(0, half), 0));
    await writeIn(folder, 'model.json', schemaText(run, parts, columns));
    await writeIn(folder, `${run}/${parts[1]}`, partText(persons.slice(half), half));
    return path.join(folder, 'model.json');
  }

  return Object.assign(Object.create(null) as object, world, {
    watched,
    get automation() {
      return automation;
    },
    notifications,
    changes,
    nextRun: () => new Promise<AutomationRun>((resolve) => waiters.push(resolve)),
    writeExport,
    async saveSetup(persons: readonly Person[], options: { mirror?: boolean } = {}) {
      const destinationId = await world.addDestination('Main', emulatorTestKey);
      const schema = await writeExport(world.filesFolder, 'Contact/2026/06/03/0800', persons);
      const [outcome] = await world.library.importPaths([schema]);
      if (!outcome?.ok) throw new Error(`import failed: ${JSON.stringify(outcome)}`);
      const saved = await world.exports.saveSetup({
        name: 'Weekly newsletter',
        destinationId,
        ...(options.mirror === undefined ? {} : { mirror: options.mirror }),
        segments: [
          { segmentId: outcome.segment.id, list: { kind: 'existing', name: 'Newsletter' } },
        ],
        mappings: [{ signature: headerSignature(outcome.segment.columns), mapping }],
      });
      return saved.id;
    },
    async restart(given: typeof tuning = {}) {
      await automation.dispose();
      automation = make(given);
      await automation.start();
    },
    async close() {
      await automation.dispose();
      await world.close();
      await rm(watched, { recursive: true, force: true });
    },
  }) as AutomationWorld;
}

/**
 * Registers the hooks of the current test file: one emulator for the file, a fresh world for
 * each test. `tuning` is read before each test (a test file may move its clock back first).
 */
export function useAutomationWorld(
  tuning: () => Pick<AutomationServiceOptions, 'clock' | 'timeZone'> = () => ({}),
) {
  const state = { emulator: null as RunningEmulator | null, world: null as AutomationWorld | null };
  beforeAll(async () => {
    state.emulator = await startEmulator();
  });
  afterAll(async () => {
    await state.emulator?.close();
    await forgetKeys();
  });
  beforeEach(async () => {
    const emulator = state.emulator as RunningEmulator;
    state.world = await openAutomationWorld(emulator, tuning());
    emulator.clearRecords();
  });
  afterEach(async () => {
    await state.world?.close();
  });
  return {
    get emulator(): RunningEmulator {
      if (!state.emulator) throw new Error('The emulator starts before the tests.');
      return state.emulator;
    },
    get world(): AutomationWorld {
      if (!state.world) throw new Error('The world opens before each test.');
      return state.world;
    },
  };
}
