/**
 * Runs the real upload engine against the emulator's Ortto mode: the shared engine harness
 * (bench/upload/engine-harness.ts) with createOrttoDestination as the port and the marketer's
 * declared email permission.
 */
import { createOrttoDestination } from '../../core/ortto/ortto-destination';
import type { UploadRun } from '../../core/upload/upload-run';
import type { EmailPermissionChoice } from '../../shared/model/destination-service';
import {
  createEngineJob,
  type EngineJob,
  type EngineJobOptions,
} from '../../bench/upload/engine-harness';

export type OrttoJobOptions = EngineJobOptions;

export interface OrttoEngineJob extends Pick<EngineJob, 'job' | 'dataFolder' | 'cleanup'> {
  run(options: {
    endpoint: string;
    apiKey: string;
    emailPermission?: EmailPermissionChoice;
  }): UploadRun;
}

export async function createOrttoEngineJob(options: OrttoJobOptions): Promise<OrttoEngineJob> {
  const engine = await createEngineJob({ ...options, service: 'ortto' });
  return {
    job: engine.job,
    dataFolder: engine.dataFolder,
    cleanup: () => engine.cleanup(),
    run: ({ endpoint, apiKey, emailPermission }) =>
      engine.run({
        endpoint,
        apiKey,
        connect: (connection) => createOrttoDestination({ ...connection, emailPermission }),
      }),
  };
}
