import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { STAFF_KEY } from '@/lib/auth';
import type { ProcedureQuery } from './types';

/** What the public reads of the knowledge base. */
export const PUBLIC_PROCEDURES_KEY = ['procedures'] as const;
/** What knowledge-base staff read (dropped at logout with the rest of the staff's cache). */
export const STAFF_PROCEDURES_KEY = [...STAFF_KEY, 'procedures'] as const;

/** Browse or search the published procedures; the previous results stay while the next load. */
export function useProcedures(query: ProcedureQuery, staff = false) {
  return useQuery({
    queryKey: [...(staff ? STAFF_PROCEDURES_KEY : PUBLIC_PROCEDURES_KEY), 'list', query],
    queryFn: async ({ signal }) =>
      unwrap(
        staff
          ? await apiClient.GET('/api/v1/staff/procedures', { params: { query }, signal })
          : await apiClient.GET('/api/v1/procedures', { params: { query }, signal }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The topics (life events) with how many public procedures each has. */
export function useTopics() {
  return useQuery({
    queryKey: [...PUBLIC_PROCEDURES_KEY, 'topics'],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/procedure-topics', { signal })),
    staleTime: 5 * 60_000,
  });
}

/** A published procedure (its current version, or an earlier one) as the public sees it. */
export function useProcedure(id: string, version?: number) {
  return useQuery({
    queryKey: [...PUBLIC_PROCEDURES_KEY, 'detail', id, version ?? 'current'],
    queryFn: async ({ signal }) =>
      unwrap(
        version === undefined
          ? await apiClient.GET('/api/v1/procedures/{id}', { params: { path: { id } }, signal })
          : await apiClient.GET('/api/v1/procedures/{id}/versions/{version}', {
              params: { path: { id, version } },
              signal,
            }),
      ),
  });
}

/** A procedure with its internal fields, for knowledge-base staff (`enabled` once known to be staff). */
export function useStaffProcedure(id: string, version: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...STAFF_PROCEDURES_KEY, 'detail', id, version ?? 'current'],
    queryFn: async ({ signal }) =>
      unwrap(
        version === undefined
          ? await apiClient.GET('/api/v1/staff/procedures/{id}', { params: { path: { id } }, signal })
          : await apiClient.GET('/api/v1/staff/procedures/{id}/versions/{version}', {
              params: { path: { id, version } },
              signal,
            }),
      ),
    enabled,
    // Editors and publishers change procedures while others read them.
    staleTime: 0,
  });
}
