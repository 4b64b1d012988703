import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** Everything cached about public issues (lists, the map, single issues) is under this key. */
export const PUBLIC_ISSUES_KEY = ['issues'] as const;

/** The categories residents can report in now, in list order. */
const categoriesQueryOptions = () =>
  queryOptions({
    queryKey: ['categories'],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/categories', { signal })).items,
    staleTime: 10 * 60_000,
  });

export function useCategories() {
  return useQuery(categoriesQueryOptions());
}

/** The city's units (the units page, the console, the knowledge base and statistics share the cache). */
const unitsQueryOptions = () =>
  queryOptions({
    queryKey: ['units'],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/units', { signal })).items,
  });

export function useUnits() {
  return useQuery(unitsQueryOptions());
}

/** The city: its name, managed area and map tiles (configuration: it does not change while the app runs). */
const cityQueryOptions = () =>
  queryOptions({
    queryKey: ['city'],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/city', { signal })),
    staleTime: Infinity,
  });

export function useCity() {
  return useQuery(cityQueryOptions());
}
