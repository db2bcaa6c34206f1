/**
 * Runs the real upload engine against the local Autopilot emulator over a generated snapshot in a
 * throw-away data folder: the setup the integration tests and the throughput benchmarks share.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createAutopilotDestination } from '../../core/autopilot/autopilot-destination';
import type { JobManifest, JobSettings } from '../../core/jobs/job-manifest';
import type { JobProgress } from '../../core/upload/progress';
import { fileSnapshotAccess } from '../../core/upload/snapshot-access';
import { startUploadRun, type UploadRun } from '../../core/upload/upload-run';
import type { UploadRunOptions } from '../../core/upload/upload-run-options';
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
  }): UploadRun;
  cleanup(): Promise<void>;
}

export interface EngineJobOptions {
  readonly contacts: number;
  /** Rows appended after the generated contacts (email first). */
  readonly extraRows?: readonly (readonly string[])[];
  readonly rate: number;
  readonly listName?: string;
  readonly settings?: Partial<JobSettings>;
}

export async function createEngineJob(options: EngineJobOptions): Promise<EngineJob> {
  const dataFolder = await mkdtemp(path.join(os.tmpdir(), 'courier-engine-'));
  function* rows() {
    yield* generatedRows(options.contacts);
    yield* options.extraRows ?? [];
  }
  await writeSnapshot(dataFolder, {
    segmentId: 'segment-1',
    name: 'Customers',
    columns: generatedColumns,
    rows: rows(),
  });
  const job = await createFixtureJob({
    dataFolder,
    segments: [{ segmentId: 'segment-1', listName: options.listName ?? 'Customers' }],
    mapping: generatedMapping,
    rate: options.rate,
    settings: options.settings,
  });
  return {
    dataFolder,
    job,
    run: ({ endpoint, apiKey, timeoutMs, onProgress, extra, fetch }) => {
      const clock = extra?.clock;
      return startUploadRun({
        dataFolder,
        jobId: job.id,
        snapshots: fileSnapshotAccess(dataFolder),
        destination: createAutopilotDestination({
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
