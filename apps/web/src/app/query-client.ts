import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

/** One cache for the app, shared with the router so a page's data can be asked for before its code arrives. */
export const queryClient = new QueryClient({
  defaultOptions: {
    // A 4xx will not change on retry; network trouble might.
    queries: { staleTime: 30_000, retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2 },
  },
});
