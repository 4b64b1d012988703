import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { PUBLIC_ISSUES_KEY } from '@/lib/issues/queries';
import type { Location } from '@/lib/issues/types';

/** Open public issues of the category within ~100 m: "is this your problem?" (R1.6). */
export const nearbyQueryOptions = (category: string, location: Location) =>
  queryOptions({
    queryKey: [...PUBLIC_ISSUES_KEY, 'nearby', category, location.lat, location.lon],
    queryFn: async ({ signal }) =>
      unwrap(
        await apiClient.GET('/api/v1/issues/nearby', {
          params: { query: { category, lat: location.lat, lon: location.lon } },
          signal,
        }),
      ).items,
    staleTime: 30_000,
  });
