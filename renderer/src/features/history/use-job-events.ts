import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type {
  JobDetail,
  JobFinishedEvent,
  JobListItem,
  JobProgressEvent,
} from '../../../../shared/model/jobs';
import { getBridge } from '../../api/bridge';
import { queryKeys } from '../../api/query-keys';
import { isLiveState } from './use-jobs';

function withProgress<T extends JobListItem>(job: T, progress: JobProgressEvent): T {
  return {
    ...job,
    running: job.running || isLiveState(progress.state),
    counts: {
      ...job.counts,
      sent: progress.sent,
      succeeded: progress.succeeded,
      failed: progress.failed,
    },
  };
}

function withEnd<T extends JobListItem>(job: T, end: JobFinishedEvent): T {
  const resumable = ['ready', 'paused', 'failed'].includes(end.status);
  return {
    ...job,
    running: false,
    resumable,
    status: end.status,
    stop: end.stop,
    counts: end.counts,
  };
}

/**
 * How often an open export re-reads its detail while it runs, for what progress events do not
 * carry (a sync's counts, the mirror's removals). The delivery counts, overall and per segment,
 * come with each event and are shown from it (job-numbers.ts). (A refetchInterval would not do:
 * every cache update restarts its timer.)
 */
const segmentRefreshMs = 2_000;

/**
 * The one place main's job events become cache updates (style.md, practice 8): each progress
 * event moves the open export and its line in the list at once; an end sets the outcome, then
 * every job read is fetched again (resumable list, per-segment counts, report, retry).
 */
export function useJobEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const bridge = getBridge();
    const refreshedAt = new Map<string, number>();
    const stopProgress = bridge.onJobsProgress?.((progress) => {
      const now = Date.now();
      if (now - (refreshedAt.get(progress.jobId) ?? 0) >= segmentRefreshMs) {
        refreshedAt.set(progress.jobId, now);
        void queryClient.invalidateQueries({ queryKey: queryKeys.job(progress.jobId) });
      }
      queryClient.setQueryData<JobDetail>(queryKeys.job(progress.jobId), (job) =>
        job ? { ...withProgress(job, progress), progress } : job,
      );
      queryClient.setQueryData<JobListItem[]>(queryKeys.jobsList(), (jobs) =>
        jobs?.map((job) => (job.id === progress.jobId ? withProgress(job, progress) : job)),
      );
    });
    const stopFinished = bridge.onJobsFinished?.((end) => {
      queryClient.setQueryData<JobDetail>(queryKeys.job(end.jobId), (job) =>
        job ? withEnd(job, end) : job,
      );
      queryClient.setQueryData<JobListItem[]>(queryKeys.jobsList(), (jobs) =>
        jobs?.map((job) => (job.id === end.jobId ? withEnd(job, end) : job)),
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobs() });
    });
    return () => {
      stopProgress?.();
      stopFinished?.();
    };
  }, [queryClient]);
}
