import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { ApiError } from '@/lib/api/errors';
import type { components } from '@/lib/api/schema';

export type Unit = components['schemas']['Unit'];

export async function getUnits(signal?: AbortSignal): Promise<Unit[]> {
  const { data, error, response } = await apiClient.GET('/api/v1/units', { signal });
  if (data === undefined) {
    throw new ApiError(response, error);
  }
  return data.items;
}

export const unitsQueryOptions = () =>
  queryOptions({
    queryKey: ['units'],
    queryFn: ({ signal }) => getUnits(signal),
  });

export function useUnits() {
  return useQuery(unitsQueryOptions());
}
