import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type Terms = components['schemas']['TermsVersion'];

export const currentTermsQueryOptions = () =>
  queryOptions({
    queryKey: ['terms', 'current'],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/terms/current', { signal })),
  });

/** The terms of service in force, which a new account must accept. */
export function useCurrentTerms() {
  return useQuery(currentTermsQueryOptions());
}
