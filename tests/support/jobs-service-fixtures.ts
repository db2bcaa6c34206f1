/**
 * What the jobs tests set up the way the app does: a segment file imported by the real importer,
 * a destination whose key goes into the real keychain and whose endpoint is the local emulator, and
 * a job created through the engine (planExport, buildConsentReceipt, createJob), as the Export
 * screen does. Shared by the integration tests and the end-to-end specs.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildConsentReceipt } from '../../core/jobs/consent';
import { createJob } from '../../core/jobs/create-job';
import type { JobManifest, JobSettings } from '../../core/jobs/job-manifest';
import { planExport } from '../../core/upload/export-plan';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import type { HostServices } from '../../electron/services/host-services';
import { emulatorTestKey, type RunningEmulator } from '../../emulator/server';
import type { DestinationSummary } from '../../shared/model/destinations';
import type { FieldMapping } from '../../shared/matching/field-mapping';

export const segmentMapping: FieldMapping = {
  email: 'Email',
  standard: { FirstName: 'FirstName', LastName: 'LastName' },
  custom: [],
};

export function contactAddress(index: number, domain = 'example.cat'): string {
  return `client.${index}@${domain}`;
}

/** A CSV of `count` contacts (lines 2..count+1), plus an invalid row at the end when asked. */
export async function writeSegmentFile(
  folder: string,
  fileName: string,
  count: number,
  options: { readonly invalidRow?: boolean; readonly domain?: string } = {},
): Promise<string> {
  const lines = ['Email,FirstName,LastName'];
  for (let index = 0; index < count; index += 1) {
    lines.push(`${contactAddress(index, options.domain)},Nom${index},Cognom${index}`);
  }
  if (options.invalidRow) lines.push('not-an-address,Ningú,Enlloc');
  const file = path.join(folder, fileName);
  await writeFile(file, `${lines.join('\n')}\n`, 'utf8');
  return file;
}

/** Imports the file as a drop on the Segments screen does; returns the segment's id. */
export async function importSegment(services: HostServices, file: string): Promise<string> {
  const [outcome] = await services.segments.importPaths([file]);
  if (!outcome?.ok)
    throw new Error(`The test segment was not imported: ${JSON.stringify(outcome)}`);
  return outcome.segment.id;
}

/** A destination at the emulator with the emulator's key in the keychain. */
export function addEmulatorDestination(
  services: HostServices,
  emulator: RunningEmulator,
  options: { readonly displayName?: string; readonly requestsPerSecond?: number } = {},
): Promise<DestinationSummary> {
  return services.destinations.create({
    displayName: options.displayName ?? 'Autopilot emulator',
    apiKey: emulatorTestKey,
    endpoint: emulator.url,
    requestsPerSecond: options.requestsPerSecond ?? 5,
    agreement: true,
  });
}

export interface ExportJobInput {
  readonly segmentIds: readonly string[];
  readonly listName: (index: number) => string;
  readonly destination: DestinationSummary;
  readonly settings?: Partial<JobSettings>;
}

/** Counts the export and creates its job with the consent receipt, as the Export screen does. */
export async function createExportJob(
  services: HostServices,
  input: ExportJobInput,
): Promise<JobManifest> {
  const dataFolder = services.environment.dataFolder;
  const plan = await planExport(
    fileSnapshotAccess(dataFolder),
    input.segmentIds.map((segmentId, index) => ({
      segmentId,
      listName: input.listName(index),
      mapping: segmentMapping,
    })),
  );
  const destination = {
    id: input.destination.id,
    name: input.destination.displayName,
    endpoint: input.destination.endpoint,
    rate: input.destination.requestsPerSecond,
  };
  return createJob({
    dataFolder,
    segments: plan.segments,
    destination,
    consent: buildConsentReceipt({
      segments: plan.segments,
      destination,
      confirmedAt: new Date(),
      osUser: 'marta',
    }),
    settings: input.settings,
  });
}

/** Emails on an emulator list, sorted. */
export function emailsOnList(emulator: RunningEmulator, listName: string): string[] {
  return emulator
    .contactsInList(listName)
    .map((contact) => String(contact.Email))
    .sort();
}

export interface EmulatorJobOptions {
  /** Where the file comes from: names the file (`clients-<place>.csv`), the list and the destination. */
  readonly place: string;
  readonly contacts: number;
  readonly rate: number;
  readonly batchSize?: number;
  readonly maxAttempts?: number;
  readonly invalidRow?: boolean;
}

/**
 * One segment file imported, a destination on the emulator with its key in the keychain, and the
 * job to send the one to the other: what every jobs test starts from.
 */
export async function setUpEmulatorJob(
  services: HostServices,
  emulator: RunningEmulator,
  folder: string,
  options: EmulatorJobOptions,
): Promise<{ job: JobManifest; destination: DestinationSummary }> {
  const fileName = `clients-${options.place.toLowerCase()}.csv`;
  const file = await writeSegmentFile(folder, fileName, options.contacts, {
    invalidRow: options.invalidRow,
  });
  const segmentId = await importSegment(services, file);
  const destination = await addEmulatorDestination(services, emulator, {
    displayName: `Autopilot ${options.place}`,
    requestsPerSecond: options.rate,
  });
  // Ten contacts per request by default, so a few hundred contacts make enough requests to watch.
  const job = await createExportJob(services, {
    segmentIds: [segmentId],
    listName: () => options.place,
    destination,
    settings: { batchSize: options.batchSize ?? 10, maxAttempts: options.maxAttempts ?? 8 },
  });
  return { job, destination };
}

/** Removes every destination and its keychain entry, so a test leaves the keyring as it found it. */
export async function deleteDestinations(services: HostServices): Promise<void> {
  for (const destination of await services.destinations.list()) {
    await services.destinations.delete(destination.id);
  }
}
