import { useQuery } from '@tanstack/react-query';
import { unwrapResult } from '../../../shared/ipc/result';
import { getBridge } from './bridge';
import { queryKeys } from './query-keys';

export function useAppInfo() {
  return useQuery({
    queryKey: queryKeys.appInfo(),
    queryFn: async () => unwrapResult(await getBridge().appInfo()),
    staleTime: Infinity,
  });
}
