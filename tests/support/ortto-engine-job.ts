/**
 * Runs the real upload engine against the emulator's Ortto mode: a generated snapshot in a
 * throw-away data folder, a job made as the app makes it, and createOrttoDestination as the port.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { JobManifest, JobSettings } from '../../core/jobs/job-manifest';
import { createOrttoDestination } from '../../core/ortto/ortto-destination';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { startUploadRun, type UploadRun } from '../../core/upload/upload-run';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import type { EmailPermissionChoice } from '../../shared/model/destination-service';
import { createFixtureJob } from '../../bench/upload/job-fixtures';
import {
  generatedColumns,
  generatedRows,
  writeSnapshot,
} from '../../bench/upload/snapshot-fixtures';

/** The generated columns fed to Ortto's fields: names built in, Tier and Score custom. */
export const orttoGeneratedMapping: FieldMapping = {
  email: 'Email',
  standard: { 'str::first': 'FirstName', 'str::last': 'LastName' },
  custom: [
    { name: 'Tier', type: 'string', column: 'Tier' },
    { name: 'Score', type: 'integer', column: 'Score' },
  ],
};

export interface OrttoJobOptions {
  readonly contacts: number;
  readonly rate: number;
  readonly listName?: string;
  /** Other columns and rows instead of the generated ones. */
  readonly table?: {
    readonly columns: readonly string[];
    readonly rows: readonly (readonly string[])[];
    readonly mapping: FieldMapping;
  };
  readonly settings?: Partial<JobSettings>;
}

export interface OrttoEngineJob {
  readonly job: JobManifest;
  run(options: {
    endpoint: string;
    apiKey: string;
    emailPermission?: EmailPermissionChoice;
  }): UploadRun;
  cleanup(): Promise<void>;
}

export async function createOrttoEngineJob(options: OrttoJobOptions): Promise<OrttoEngineJob> {
  const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-ortto-'));
  await writeSnapshot(dataFolder, {
    segmentId: 'segment-1',
    name: 'Customers',
    columns: options.table?.columns ?? generatedColumns,
    rows: options.table?.rows ?? generatedRows(options.contacts),
  });
  const job = await createFixtureJob({
    dataFolder,
    segments: [{ segmentId: 'segment-1', listName: options.listName ?? 'Customers' }],
    mapping: options.table?.mapping ?? orttoGeneratedMapping,
    rate: options.rate,
    settings: options.settings,
  });
  return {
    job,
    run: ({ endpoint, apiKey, emailPermission }) =>
      startUploadRun({
        dataFolder,
        jobId: job.id,
        snapshots: fileSnapshotAccess(dataFolder),
        destination: createOrttoDestination({ endpoint, apiKey, emailPermission }),
      }),
    cleanup: () => rm(dataFolder, { recursive: true, force: true }),
  };
}
