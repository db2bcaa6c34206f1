import { QueryClient } from '@tanstack/react-query';
import { CourierError } from '../../../shared/ipc/result';

/** Main answers locally, so a failure is an answer, not a flaky network: do not retry blindly. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !(error instanceof CourierError) && failureCount < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
