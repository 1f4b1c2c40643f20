import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/**
 * The server-state cache of either app. A refusal (4xx) is not retried: it would be refused again. A lost
 * connection or a 5xx is retried twice, after a pause, before the page says so.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}
