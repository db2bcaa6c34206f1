import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/bridge-api';
import type { ExportSegmentInput } from '../../../../shared/model/exports';
import { unwrapResult } from '../../../../shared/ipc/result';
import { getBridge } from '../../api/bridge';
import { queryKeys } from '../../api/query-keys';

/** Reads from Autopilot go through main (the key stays there); cache them a few minutes. */
const accountStaleTime = 5 * 60_000;

/** Standard fields plus the account's custom fields (`exports:fields` asks Autopilot in main). */
export function useDestinationFields(destinationId: string | null) {
  return useQuery({
    queryKey: queryKeys.exportFields(destinationId ?? ''),
    queryFn: async () =>
      unwrapResult(await getBridge().exportsFields({ destinationId: destinationId ?? '' })),
    enabled: destinationId !== null,
    staleTime: accountStaleTime,
  });
}

export function useDestinationLists(destinationId: string | null) {
  return useQuery({
    queryKey: queryKeys.exportLists(destinationId ?? ''),
    queryFn: async () =>
      unwrapResult(await getBridge().exportsLists({ destinationId: destinationId ?? '' })),
    enabled: destinationId !== null,
    staleTime: accountStaleTime,
  });
}

export function useSegmentShapes(segmentIds: readonly string[]) {
  return useQuery({
    queryKey: queryKeys.exportShapes(segmentIds),
    queryFn: async () =>
      unwrapResult(await getBridge().exportsShapes({ segmentIds: [...segmentIds] })),
    enabled: segmentIds.length > 0,
    placeholderData: keepPreviousData,
  });
}

/**
 * Counts with the engine's own plan; null while the matching cannot be counted. With a destination,
 * each segment is also judged against what this app delivered to its list before (issue 13).
 */
export function useExportPlan(
  segments: readonly ExportSegmentInput[] | null,
  sync?: {
    readonly destinationId: string | null;
    readonly mirror: boolean;
    readonly full: boolean;
  },
) {
  const destinationId = sync?.destinationId ?? undefined;
  const choice = sync ? { mirror: sync.mirror, full: sync.full } : undefined;
  return useQuery({
    queryKey: [...queryKeys.exportPlan(segments), destinationId ?? null, choice ?? null],
    queryFn: async () =>
      unwrapResult(
        await getBridge().exportsPlan({
          segments: [...(segments ?? [])],
          ...(destinationId ? { destinationId, sync: choice } : {}),
        }),
      ),
    enabled: segments !== null && segments.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useContactPreview(input: ChannelInput<'exports:preview'> | null) {
  return useQuery({
    queryKey: queryKeys.exportPreview(input),
    queryFn: async () => unwrapResult(await getBridge().exportsPreview(input as never)),
    enabled: input !== null,
    staleTime: Infinity,
  });
}

export function useExportSetups() {
  return useQuery({
    queryKey: queryKeys.exportSetups(),
    queryFn: async () => unwrapResult(await getBridge().exportsSetups()),
  });
}

export function useSaveSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ChannelInput<'exports:saveSetup'>) =>
      unwrapResult(await getBridge().exportsSaveSetup(input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.exportSetups() }),
  });
}

export function useDeleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrapResult(await getBridge().exportsDeleteSetup({ id })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.exportSetups() }),
  });
}

export function useExportAgain(jobId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.exportAgain(jobId ?? ''),
    queryFn: async () => unwrapResult(await getBridge().exportsAgain({ jobId: jobId ?? '' })),
    enabled: jobId !== undefined,
    staleTime: Infinity,
  });
}

export function useReimportSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (segmentId: string) =>
      unwrapResult(await getBridge().exportsReimportSource({ segmentId })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.segments() }),
  });
}

export function useStartExport() {
  return useMutation({
    mutationFn: async (input: ChannelInput<'exports:start'>) =>
      unwrapResult(await getBridge().exportsStart(input)),
  });
}
