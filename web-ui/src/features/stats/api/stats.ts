import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { components, operations } from '@/lib/api/schema';
import { STAFF_KEY } from '@/lib/auth';
import { fileNameOf } from '@/lib/save-file';

type Schemas = components['schemas'];

export type Statistics = Schemas['Statistics'];
export type Figures = Schemas['Figures'];
export type StatsRow = Schemas['Row'];
export type Durations = Schemas['Durations'];
export type Backlog = Schemas['Backlog'];
export type SupportLeader = Schemas['SupportLeader'];
export type Heatmap = Schemas['Heatmap'];
export type PublicStatistics = Schemas['PublicStatistics'];
export type PublicRow = Schemas['PublicRow'];

/** Which issues the staff's figures count: a range of arrival days, a unit, a category, a channel. */
export type StatsFilter = NonNullable<operations['get_statistics']['parameters']['query']>;
/** The public figures' range. */
export type PublicStatsFilter = NonNullable<operations['get_public_statistics']['parameters']['query']>;
/** The table a CSV export holds: rows per unit, category, channel or month. */
export type Breakdown = operations['export_statistics']['parameters']['query']['breakdown'];

/** Staff figures are dropped with the rest of the staff's cache when the session ends. */
const STAFF_STATS_KEY = [...STAFF_KEY, 'stats'] as const;

/** The figures change only as issues move: a minute old is fresh enough for a dashboard. */
const STALE_TIME = 60_000;

export function useStatistics(filter: StatsFilter) {
  return useQuery({
    queryKey: [...STAFF_STATS_KEY, 'figures', filter],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/stats', { params: { query: filter }, signal })),
    placeholderData: keepPreviousData,
    staleTime: STALE_TIME,
  });
}

export function useHeatmap(filter: StatsFilter) {
  return useQuery({
    queryKey: [...STAFF_STATS_KEY, 'heatmap', filter],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/stats/heatmap', { params: { query: filter }, signal })),
    placeholderData: keepPreviousData,
    staleTime: STALE_TIME,
  });
}

/** One breakdown as a CSV file, fetched with the session's token (so not a plain link). */
export function useStatsExport(filter: StatsFilter) {
  return useMutation({
    mutationFn: async (breakdown: Breakdown) => {
      const result = await apiClient.GET('/api/v1/stats/export', {
        params: { query: { ...filter, breakdown } },
        parseAs: 'blob',
      });
      return { blob: unwrap(result), filename: fileNameOf(result.response, `kontakt-stats-${breakdown}.csv`) };
    },
  });
}

export function usePublicStatistics(filter: PublicStatsFilter) {
  return useQuery({
    queryKey: ['stats', 'public', filter],
    queryFn: async ({ signal }) => unwrap(await apiClient.GET('/api/v1/stats/public', { params: { query: filter }, signal })),
    placeholderData: keepPreviousData,
    staleTime: STALE_TIME,
  });
}
