import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components, operations } from '@/lib/api/schema';
import { STAFF_ISSUES_KEY, useStaffIssueChanged } from '@/lib/issues/staff';

export type QueueQuery = NonNullable<operations['staff_queue']['parameters']['query']>;
export type QueueItem = components['schemas']['QueueItem'];
export type BulkAction = components['schemas']['BulkAction'];
export type BulkOutcome = components['schemas']['BulkOutcome'];
export type Unit = components['schemas']['Unit'];

/** A page of the list. */
export const LIST_PER_PAGE = 50;
/** The map shows the whole queue at once, as far as the API gives it in one page. */
export const MAP_PER_PAGE = 500;

/** The queue of the person's units, as the filters select it. */
export function useQueue(query: QueueQuery) {
  return useQuery({
    queryKey: [...STAFF_ISSUES_KEY, 'queue', query],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/staff/issues', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    // Colleagues work on the same queue.
    staleTime: 0,
  });
}

/** Accepts or transfers the chosen issues; each succeeds or fails on its own. */
export function useBulkAction() {
  const changed = useStaffIssueChanged();
  return useMutation({
    mutationFn: async (body: BulkAction) => unwrap(await apiClient.POST('/api/v1/staff/issues/bulk', { body })),
    onSuccess: () => changed(),
  });
}
