/**
 * A job made on the command line (push, run-setup): the plan's segments, the destination opened
 * and checked, and the consent receipt of the person (or scheduler) that ran the command with
 * `--consent`, which is recorded before anything is sent.
 */
import type { Destination } from '../../core/destination-port/destination';
import { buildConsentReceipt } from '../../core/jobs/consent';
import { createJob } from '../../core/jobs/create-job';
import type { JobDestination, JobManifest } from '../../core/jobs/job-manifest';
import { currentOsUser } from '../../core/system/os-user';
import type { PlannedSegment } from '../../core/upload/export-plan';

/** The destination a command sends to: its client, and how the job records it. */
export interface CliTarget {
  readonly destination: Destination;
  readonly jobDestination: JobDestination;
}

export function createCliJob(
  dataFolder: string,
  segments: readonly PlannedSegment[],
  target: CliTarget,
  sync: { readonly full: boolean; readonly mirror: boolean },
): Promise<JobManifest> {
  const destination = target.jobDestination;
  return createJob({
    dataFolder,
    segments,
    destination,
    consent: buildConsentReceipt({
      segments,
      destination,
      confirmedAt: new Date(),
      osUser: currentOsUser(),
    }),
    sync,
  });
}
