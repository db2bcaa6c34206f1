/**
 * Runs the real upload engine against the local emulator (Autopilot's mode, or Ortto's with
 * `connect`) over a generated snapshot in a throw-away data folder: the setup the integration
 * tests and the throughput benchmarks share.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAutopilotDestination } from '../../core/autopilot/autopilot-destination';
import type { Destination } from '../../core/destination-port/destination';
import type { JobManifest, JobSettings } from '../../core/jobs/job-manifest';
import type { JobProgress } from '../../core/upload/progress';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { startUploadRun, type UploadRun } from '../../core/upload/upload-run';
import type { UploadRunOptions } from '../../core/upload/upload-run-options';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import type { DestinationService } from '../../shared/model/destination-service';
import { createFixtureJob } from './job-fixtures';
import {
  generatedColumns,
  generatedMapping,
  generatedRows,
  writeSnapshot,
} from './snapshot-fixtures';

export interface EngineJob {
  readonly dataFolder: string;
  readonly job: JobManifest;
  /** Starts a run (first or resumed) with this key and endpoint. */
  run(options: {
    endpoint: string;
    apiKey: string;
    timeoutMs?: number;
    onProgress?: (progress: JobProgress) => void;
    extra?: Partial<UploadRunOptions>;
    /** The destination's fetch (a VirtualClock's, to keep simulated time still during requests). */
    fetch?: typeof fetch;
    /** Builds the destination; Autopilot's client unless given (Ortto's, a test's). */
    connect?: Connect;
  }): UploadRun;
  cleanup(): Promise<void>;
}

/** What a destination is built from, as the app's opener hands it over. */
export type Connect = (connection: {
  readonly endpoint: string;
  readonly apiKey: string;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}) => Destination;

export interface EngineJobOptions {
  readonly contacts: number;
  /** Other columns, rows and matching instead of the generated ones. */
  readonly table?: {
    readonly columns: readonly string[];
    readonly rows: readonly (readonly string[])[];
    readonly mapping: FieldMapping;
  };
  /** Rows appended after the generated contacts (email first). */
  readonly extraRows?: readonly (readonly string[])[];
  readonly rate: number;
  readonly listName?: string;
  readonly settings?: Partial<JobSettings>;
  /** Recorded in the job; the destination built by `connect` should be of this kind. */
  readonly service?: DestinationService;
}

export async function createEngineJob(options: EngineJobOptions): Promise<EngineJob> {
  const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-engine-'));
  function* rows() {
    yield* options.table?.rows ?? generatedRows(options.contacts);
    yield* options.extraRows ?? [];
  }
  await writeSnapshot(dataFolder, {
    segmentId: 'segment-1',
    name: 'Customers',
    columns: options.table?.columns ?? generatedColumns,
    rows: rows(),
  });
  const job = await createFixtureJob({
    dataFolder,
    segments: [{ segmentId: 'segment-1', listName: options.listName ?? 'Customers' }],
    mapping: options.table?.mapping ?? generatedMapping,
    rate: options.rate,
    settings: options.settings,
    service: options.service,
  });
  return {
    dataFolder,
    job,
    run: ({ endpoint, apiKey, timeoutMs, onProgress, extra, fetch, connect }) => {
      const clock = extra?.clock;
      return startUploadRun({
        dataFolder,
        jobId: job.id,
        snapshots: fileSnapshotAccess(dataFolder),
        destination: (connect ?? createAutopilotDestination)({
          endpoint,
          apiKey,
          timeoutMs,
          fetch,
          now: clock ? () => clock.now() : undefined,
        }),
        onProgress,
        ...extra,
      });
    },
    cleanup: () => rm(dataFolder, { recursive: true, force: true }),
  };
}
