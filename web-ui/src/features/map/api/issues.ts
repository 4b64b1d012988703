import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { operations } from '@/lib/api/schema';
import { PUBLIC_ISSUES_KEY } from '@/lib/issues/queries';

type IssueQuery = NonNullable<operations['list_issues']['parameters']['query']>;

/** The filters the map, the list and the export share (the page's address keeps them). */
export type IssueFilter = Pick<IssueQuery, 'category' | 'status' | 'q' | 'from' | 'to'>;

export const PER_PAGE = 20;

export function useIssueList(filter: IssueFilter, page: number) {
  const query: IssueQuery = { ...filter, page, per_page: PER_PAGE };
  return useQuery({
    queryKey: [...PUBLIC_ISSUES_KEY, 'list', query],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/issues', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The map's points in the visible area (`bbox`), once the map has one. */
export function useMapPoints(filter: IssueFilter, bbox: string | undefined) {
  const query: IssueQuery = { ...filter, bbox };
  return useQuery({
    queryKey: [...PUBLIC_ISSUES_KEY, 'map', query],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/issues/map', { params: { query }, signal })),
    enabled: bbox !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
