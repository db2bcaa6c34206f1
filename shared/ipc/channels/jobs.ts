/**
 * Export jobs' channels and events, built from the job shapes in shared/model/jobs.ts. Main runs
 * the jobs (core/jobs/jobs-service.ts); the renderer only asks and listens.
 */
import { z } from 'zod';
import { command, query } from '../channel';
import {
  jobDetailSchema,
  jobFinishedSchema,
  jobIdSchema,
  jobListItemSchema,
  jobProgressSchema,
} from '../../model/jobs';

const count = z.number().int().nonnegative();
const byJobId = z.object({ jobId: jobIdSchema });

export const jobsChannels = {
  'jobs:list': query(z.undefined(), z.array(jobListItemSchema)),
  /** Exports to offer "Resume" for: paused, failed, never started, or cut short by a quit or crash. */
  'jobs:resumable': query(z.undefined(), z.array(jobListItemSchema)),
  'jobs:get': query(byJobId, jobDetailSchema),
  /** Starts or resumes; answers once the run has started (it goes on in main). */
  'jobs:start': command(byJobId, z.null()),
  'jobs:pause': command(byJobId, z.null()),
  /** What was sent stays sent; the report lists the rest. */
  'jobs:cancel': command(byJobId, z.null()),
  /** Asks where to save the report CSV (the system's Save dialog) and writes it there. */
  'jobs:saveReport': command(
    byJobId,
    z.object({ saved: z.boolean(), fileName: z.string().nullable(), rows: count }),
  ),
  /** A new job over the same segments with only the rows that failed for reasons that can change. */
  'jobs:retryFailed': command(byJobId, z.object({ jobId: z.string(), contacts: count })),
};

export const jobsEvents = {
  'jobs:progress': jobProgressSchema,
  'jobs:finished': jobFinishedSchema,
};
