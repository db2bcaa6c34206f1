/**
 * The numbers an export shows, each from one source (issue 17, item 5): while a run is live, the
 * last progress event (whose overall counts are the sum of its segments'); otherwise the stored
 * ledger read that gave the job's counts and its segments' at once. The overall numbers are
 * always summed from the segments shown, so the bars cannot disagree.
 */
import type {
  JobDetail,
  JobListItem,
  JobProgressEvent,
  JobSegmentDetail,
} from '../../../../shared/model/jobs';

interface ShownSegment {
  readonly name: string;
  readonly listName: string;
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Contacts in requests on the way: not yet sent as far as the screen is concerned. */
  readonly inFlight: number;
}

export interface ShownNumbers {
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Answered for: succeeded + failed. */
  readonly sent: number;
  readonly inFlight: number;
  readonly segments: readonly ShownSegment[];
}

function storedSegment(segment: JobSegmentDetail): ShownSegment {
  const { name, listName, succeeded, failed } = segment;
  return {
    name,
    listName,
    total: segment.sending ?? segment.valid,
    succeeded,
    failed,
    inFlight: 0,
  };
}

export function shownNumbers(job: JobDetail, progress: JobProgressEvent | null): ShownNumbers {
  const live = progress !== null && progress.segments.length === job.segments.length;
  const segments = job.segments.map((segment, index) => {
    const moving = live ? progress.segments[index] : undefined;
    return moving
      ? { name: segment.name, listName: segment.listName, ...moving }
      : storedSegment(segment);
  });
  const sum = (pick: (segment: ShownSegment) => number) =>
    segments.reduce((total, segment) => total + pick(segment), 0);
  const succeeded = sum((segment) => segment.succeeded);
  const failed = sum((segment) => segment.failed);
  return {
    total: sum((segment) => segment.total),
    succeeded,
    failed,
    sent: succeeded + failed,
    inFlight: sum((segment) => segment.inFlight),
    segments,
  };
}

interface RetryShare {
  /** The failed rows of this export the retry delivered. */
  readonly delivered: number;
  /** Still not delivered after the retry. */
  readonly stillFailed: number;
  /** When the retry was made (its consent), ISO. */
  readonly at: string;
}

/**
 * What the retry of an export ("Retry failed rows") delivered of its failed rows, or null when
 * none was retried or the retry delivered nothing yet.
 */
export function retryShare(
  job: Pick<JobListItem, 'counts' | 'deliveredByRetry'>,
): RetryShare | null {
  const retry = job.deliveredByRetry;
  if (!retry || retry.delivered === 0) return null;
  const delivered = Math.min(retry.delivered, job.counts.givenUp);
  return { delivered, stillFailed: job.counts.failed - delivered, at: retry.createdAt };
}
