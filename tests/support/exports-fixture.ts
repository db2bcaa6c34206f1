/**
 * Real parts for the export-setup tests: a data folder with the JSON settings file, the Secret
 * Service under a unique service name, the segment library importing real files, the upload
 * engine's JobRunner behind Start, and the local Autopilot emulator over HTTP.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AsyncEntry, findCredentialsAsync } from '@napi-rs/keyring';
import { createDestinationOpener } from '../../core/destination-port/open-destination';
import { createDestinationsService } from '../../core/destinations/destinations-service';
import { createExportsService, type ExportsService } from '../../core/exports/exports-service';
import { createSegmentLibrary, type SegmentLibrary } from '../../core/segments/segment-library';
import { createKeyringSecretStore } from '../../core/secrets/keyring-secret-store';
import { settingsFilePath } from '../../core/settings/data-folder';
import { createJsonFileStore } from '../../core/settings/json-file-store';
import {
  createSettingsRepository,
  type SettingsRepository,
} from '../../core/settings/settings-repository';
import { JobRunner } from '../../core/jobs/job-runner';
import type { RunResult } from '../../core/upload/upload-run';
import type { RunningEmulator } from '../../emulator/server';
import type { SegmentSummary } from '../../shared/segments/segment-summary';
import type { DestinationService } from '../../shared/model/destination-service';

export const keychainService = `segment-courier-test-${randomUUID()}`;
const pinned = { linux: { store: 'secret-service' as const } };
export const secrets = createKeyringSecretStore({ service: keychainService });

export async function forgetKeys(): Promise<void> {
  for (const { account } of await findCredentialsAsync(keychainService)) {
    await new AsyncEntry(keychainService, account, pinned).deleteCredential();
  }
}

export interface ExportsWorld {
  readonly dataFolder: string;
  readonly filesFolder: string;
  readonly settings: SettingsRepository;
  readonly library: SegmentLibrary;
  readonly exports: ExportsService;
  /** Jobs handed to Start, with the run each started. */
  readonly runs: Map<string, Promise<RunResult>>;
  /** Hands a job to the engine, as Start does (its run lands in `runs`). */
  startJob(jobId: string): Promise<void>;
  addDestination(name: string, apiKey: string, service?: DestinationService): Promise<string>;
  importFile(fileName: string, text: string): Promise<SegmentSummary>;
  close(): Promise<void>;
}

export async function openExportsWorld(emulator: RunningEmulator): Promise<ExportsWorld> {
  const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-exports-'));
  const filesFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-exports-files-'));
  const settings = createSettingsRepository(createJsonFileStore(settingsFilePath(dataFolder)));
  const destinations = createDestinationsService({ settings, secrets, osUser: () => 'marta' });
  const openDestination = createDestinationOpener({ secrets });
  const library = await createSegmentLibrary({ dataFolder });
  const runner = new JobRunner({
    dataFolder,
    openDestination: async (target) =>
      (
        await openDestination({
          service: target.service ?? 'autopilot',
          endpoint: target.endpoint,
          key: { keychainOf: target.id },
          timeoutMs: 5_000,
        })
      ).destination,
  });
  const runs = new Map<string, Promise<RunResult>>();
  const startJob = async (jobId: string): Promise<void> => {
    runs.set(jobId, runner.start(jobId));
  };
  const exports = createExportsService({
    dataFolder,
    settings,
    secrets,
    importPaths: (paths) => library.importPaths(paths),
    startJob,
    osUser: () => 'marta',
    requestTimeoutMs: 5_000,
  });
  return {
    dataFolder,
    filesFolder,
    settings,
    library,
    exports,
    runs,
    startJob,
    async addDestination(name, apiKey, service) {
      const created = await destinations.create({
        displayName: name,
        apiKey,
        service,
        endpoint: emulator.url,
        agreement: true,
      });
      return created.id;
    },
    async importFile(fileName, text) {
      const file = path.join(filesFolder, fileName);
      await writeFile(file, text);
      const [outcome] = await library.importPaths([file]);
      if (!outcome?.ok) throw new Error(`import failed: ${JSON.stringify(outcome)}`);
      return outcome.segment;
    },
    async close() {
      await Promise.allSettled(runs.values());
      await library.dispose();
      await rm(dataFolder, { recursive: true, force: true });
      await rm(filesFolder, { recursive: true, force: true });
    },
  };
}
