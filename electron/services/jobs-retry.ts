/** Moved to core/jobs/retry-job.ts so the command line's `retry` shares it (issue 15). */
export {
  createRetryJob,
  findRetryJob,
  readRetryOf,
  RetryError,
  retryableStatuses,
  type RetryJobInput,
} from '../../core/jobs/retry-job';
