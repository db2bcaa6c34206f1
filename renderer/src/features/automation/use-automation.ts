import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ChannelInput } from '../../../../shared/ipc/bridge-api';
import type { AutomationView } from '../../../../shared/ipc/channels/automation';
import { unwrapResult } from '../../../../shared/ipc/result';
import { getBridge } from '../../api/bridge';
import { queryKeys } from '../../api/query-keys';

/** Main's newest word on one automation replaces its row in the cached list. */
function putView(queryClient: QueryClient, view: AutomationView): void {
  queryClient.setQueryData<AutomationView[]>(queryKeys.automationList(), (views) =>
    views?.map((item) => (item.setupId === view.setupId ? view : item)),
  );
}

export function useAutomations() {
  return useQuery({
    queryKey: queryKeys.automationList(),
    queryFn: async () => unwrapResult(await getBridge().automationList()),
    staleTime: 0,
  });
}

export function useAutomationRuns() {
  return useQuery({
    queryKey: queryKeys.automationRuns(),
    queryFn: async () => unwrapResult(await getBridge().automationRuns()),
    staleTime: 0,
  });
}

export function useBackgroundSettings() {
  return useQuery({
    queryKey: queryKeys.automationBackground(),
    queryFn: async () => unwrapResult(await getBridge().automationBackground()),
  });
}

/** The words of the standing consent; asked for once the form is filled in, never cached. */
export function useStatementRequest() {
  return useMutation({
    mutationFn: async (input: ChannelInput<'automation:statement'>) =>
      unwrapResult(await getBridge().automationStatement(input)),
  });
}

export function useChooseFolder() {
  return useMutation({
    mutationFn: async () => unwrapResult(await getBridge().automationChooseFolder()),
  });
}

/** A command that changes an automation; its answer is the new view, put in the list at once. */
function useAutomationCommand<I>(run: (input: I) => Promise<AutomationView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (view) => {
      putView(queryClient, view);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.automation() }),
  });
}

export function useEnableAutomation() {
  return useAutomationCommand(async (input: ChannelInput<'automation:enable'>) =>
    unwrapResult(await getBridge().automationEnable(input)),
  );
}

export function useDisableAutomation() {
  return useAutomationCommand(async (setupId: string) =>
    unwrapResult(await getBridge().automationDisable({ setupId })),
  );
}

export function useSetStartAtLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (enabled: boolean) =>
      unwrapResult(await getBridge().automationSetStartAtLogin({ enabled })),
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.automationBackground(), settings),
  });
}

/**
 * The one place main's automation events become cache updates (style.md, practice 8): the
 * changed automation replaces its row at once; then the runs (a run may have ended) and the
 * jobs (an automatic run makes a job) are read again.
 */
export function useAutomationEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    return getBridge().onAutomationChanged?.((view) => {
      putView(queryClient, view);
      void queryClient.invalidateQueries({ queryKey: queryKeys.automationRuns() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobs() });
    });
  }, [queryClient]);
}
