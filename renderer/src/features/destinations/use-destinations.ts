import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../../shared/ipc/bridge-api';
import { unwrapResult } from '../../../../shared/ipc/result';
import { getBridge } from '../../api/bridge';
import { queryKeys } from '../../api/query-keys';

export function useDestinations() {
  return useQuery({
    queryKey: queryKeys.destinations(),
    queryFn: async () => unwrapResult(await getBridge().destinationsList()),
  });
}

/** Whether the keychain holds the destination's key. The key itself never comes back. */
export function useDestinationHasKey(destinationId: string) {
  return useQuery({
    queryKey: queryKeys.destinationHasKey(destinationId),
    queryFn: async () =>
      unwrapResult(await getBridge().destinationsHasKey({ id: destinationId })).hasKey,
  });
}

export function useCreateDestination() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ChannelInput<'destinations:create'>) =>
      unwrapResult(await getBridge().destinationsCreate(input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.destinations() }),
  });
}

export function useUpdateDestination() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ChannelInput<'destinations:update'>) =>
      unwrapResult(await getBridge().destinationsUpdate(input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.destinations() }),
  });
}

export function useReplaceKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: ChannelInput<'destinations:replaceKey'>) =>
      unwrapResult(await getBridge().destinationsReplaceKey(input)),
    onSuccess: (_result, input) =>
      queryClient.setQueryData(queryKeys.destinationHasKey(input.id), true),
  });
}

export function useConnectDestination() {
  return useMutation({
    mutationFn: async (destinationId: string) =>
      unwrapResult(await getBridge().destinationsConnect({ id: destinationId })),
  });
}

export function useDeleteDestination() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (destinationId: string) =>
      unwrapResult(await getBridge().destinationsDelete({ id: destinationId })),
    onSuccess: async (_result, destinationId) => {
      queryClient.removeQueries({ queryKey: queryKeys.destinationHasKey(destinationId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.destinations() });
    },
  });
}
