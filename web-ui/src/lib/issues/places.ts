import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type Place = components['schemas']['Place'];

/** Shortest text the server looks up. */
export const MIN_QUERY_LENGTH = 2;

/** Places for a typed address (the city's street register, then the geocoder). */
export function usePlaces(query: string) {
  const q = query.trim();
  return useQuery({
    queryKey: ['places', q],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/places', { params: { query: { q } }, signal })).items,
    enabled: q.length >= MIN_QUERY_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
