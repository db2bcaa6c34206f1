import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobProgressState } from '../../../../shared/model/jobs';
import { unwrapResult } from '../../../../shared/ipc/result';
import { getBridge } from '../../api/bridge';
import { queryKeys } from '../../api/query-keys';

/** Progress states of a run that is still going. */
const liveStates: readonly JobProgressState[] = [
  'starting',
  'sending',
  'slowed-down',
  'retrying',
  'waiting-network',
  'stopping',
];

export function isLiveState(state: JobProgressState): boolean {
  return liveStates.includes(state);
}

export function useJobs() {
  return useQuery({
    queryKey: queryKeys.jobsList(),
    queryFn: async () => unwrapResult(await getBridge().jobsList()),
    staleTime: 0,
  });
}

export function useResumableJobs() {
  return useQuery({
    queryKey: queryKeys.jobsResumable(),
    queryFn: async () => unwrapResult(await getBridge().jobsResumable()),
    staleTime: 0,
  });
}

export function useJob(jobId: string) {
  return useQuery({
    queryKey: queryKeys.job(jobId),
    queryFn: async () => unwrapResult(await getBridge().jobsGet({ jobId })),
    staleTime: 0,
  });
}

/** A command on one job; afterwards every job read is refreshed. */
function useJobCommand<T>(run: (jobId: string) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.jobs() }),
  });
}

export function useStartJob() {
  return useJobCommand(async (jobId) => unwrapResult(await getBridge().jobsStart({ jobId })));
}

export function usePauseJob() {
  return useJobCommand(async (jobId) => unwrapResult(await getBridge().jobsPause({ jobId })));
}

export function useCancelJob() {
  return useJobCommand(async (jobId) => unwrapResult(await getBridge().jobsCancel({ jobId })));
}

export function useSaveReport() {
  return useMutation({
    mutationFn: async (jobId: string) => unwrapResult(await getBridge().jobsSaveReport({ jobId })),
  });
}

export function useRetryFailed() {
  return useJobCommand(async (jobId) => unwrapResult(await getBridge().jobsRetryFailed({ jobId })));
}
