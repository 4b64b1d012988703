import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { MODERATION_QUEUE_KEY } from '@/lib/issues/staff';

export const QUEUE_PER_PAGE = 10;

/** Pending issues, oldest first. */
export function useModerationQueue(page: number) {
  return useQuery({
    queryKey: [...MODERATION_QUEUE_KEY, page],
    queryFn: async ({ signal }) =>
      unwrap(await apiClient.GET('/api/v1/staff/moderation', { params: { query: { page, per_page: QUEUE_PER_PAGE } }, signal })),
    placeholderData: keepPreviousData,
    // Other moderators work on the same queue.
    staleTime: 0,
  });
}
