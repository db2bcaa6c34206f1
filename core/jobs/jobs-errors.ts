/**
 * Failures of the jobs service a person can act on, each with a code from the jobs channel and a
 * plain sentence. The engine's own errors (job not found, finished, busy elsewhere) are turned
 * into these by `jobsErrorOf`, so the handlers have one thing to map.
 */
import { JobDamagedError } from './job-damage';
import { JobBusyError } from './job-lock';
import { JobNotFoundError, JobStoreCorruptError } from './job-store';
import { JobAlreadyRunningError } from './live-runs';
import { JobNotRunnableError } from '../upload/upload-run';
import { jobErrorCodes, type JobErrorCode } from '../../shared/model/jobs';
import type { ErrorParams } from '../../shared/model/error-params';
import { RetryError } from './retry-job';

export class JobsError extends Error {
  override readonly name = 'JobsError';
  constructor(
    readonly code: JobErrorCode,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
  }
}

const retryCodes: Record<RetryError['kind'], JobErrorCode> = {
  'nothing-to-retry': jobErrorCodes.nothingToRetry,
  'segment-missing': jobErrorCodes.segmentMissing,
  'not-finished': jobErrorCodes.notFinished,
};

/** The JobsError for an error a person can act on; anything else is returned unchanged. */
export function jobsErrorOf(error: unknown): unknown {
  if (error instanceof JobsError) return error;
  if (error instanceof JobNotFoundError) {
    return new JobsError(jobErrorCodes.notFound, 'This export no longer exists.');
  }
  if (error instanceof JobStoreCorruptError) {
    return new JobsError(
      jobErrorCodes.damaged,
      'This export’s saved description is damaged, so it cannot be opened or resumed.',
    );
  }
  // Its row selection or segment copy is missing or cut short (found when a run starts).
  if (error instanceof JobDamagedError) return new JobsError(jobErrorCodes.damaged, error.message);
  if (error instanceof JobNotRunnableError) {
    return new JobsError(jobErrorCodes.finished, error.message);
  }
  if (error instanceof JobBusyError) {
    return new JobsError(
      jobErrorCodes.busy,
      'This export is being sent by another Segment Courier program (for example the command line). Wait for it, or stop it there.',
    );
  }
  if (error instanceof JobAlreadyRunningError) {
    return new JobsError(jobErrorCodes.running, error.message);
  }
  if (error instanceof RetryError) return new JobsError(retryCodes[error.kind], error.message);
  return error;
}
