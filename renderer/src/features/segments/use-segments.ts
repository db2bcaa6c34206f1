import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/bridge-api';
import { unwrapResult } from '../../../../shared/ipc/result';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { getBridge } from '../../api/bridge';
import { queryKeys } from '../../api/query-keys';

export function useSegments() {
  return useQuery({
    queryKey: queryKeys.segments(),
    queryFn: async () => unwrapResult(await getBridge().segmentsList()),
  });
}

export function useRenameSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ChannelInput<'segments:rename'>) =>
      unwrapResult(await getBridge().segmentsRename(input)),
    onSuccess: (renamed) =>
      queryClient.setQueryData<SegmentSummary[]>(queryKeys.segments(), (list) =>
        list?.map((segment) => (segment.id === renamed.id ? renamed : segment)),
      ),
  });
}

export function useRemoveSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (segmentId: string) =>
      unwrapResult(await getBridge().segmentsRemove({ id: segmentId })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.segments() }),
  });
}

/** Reads the file again with another encoding or separator; the segment is replaced. */
export function useReimportSegment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ChannelInput<'segments:reimport'>) =>
      unwrapResult(await getBridge().segmentsReimport(input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.segments() }),
  });
}
