import type { ChannelInput } from '../../../shared/ipc/bridge-api';
import type { HostServices } from '../../services/host-services';
import { JobsError, jobsErrorOf } from '../../../core/jobs/jobs-errors';
import { UserFacingError } from '../user-facing-error';
import { plainErrorsVia } from './plain-errors';

/** Failures a person can act on keep their plain message and code; the rest stay internal. */
const plainly = plainErrorsVia((error) => {
  const known = jobsErrorOf(error);
  return known instanceof JobsError
    ? new UserFacingError(known.code, known.message, known.params)
    : error;
});

type ByJobId = ChannelInput<'jobs:get'>;

export function createJobsHandlers(services: HostServices) {
  const { jobs } = services;
  return {
    'jobs:list': () => plainly(() => jobs.list()),
    'jobs:resumable': () => plainly(() => jobs.resumable()),
    'jobs:get': (input: ByJobId) => plainly(() => jobs.get(input.jobId)),
    'jobs:start': (input: ByJobId) =>
      plainly(async () => {
        await jobs.start(input.jobId);
        return null;
      }),
    'jobs:pause': (input: ByJobId) =>
      plainly(async () => {
        await jobs.pause(input.jobId);
        return null;
      }),
    'jobs:cancel': (input: ByJobId) =>
      plainly(async () => {
        await jobs.cancel(input.jobId);
        return null;
      }),
    'jobs:saveReport': (input: ByJobId) => plainly(() => jobs.saveReport(input.jobId)),
    'jobs:retryFailed': (input: ByJobId) => plainly(() => jobs.retryFailed(input.jobId)),
  };
}
