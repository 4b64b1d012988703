import { CHANNELS } from '@/lib/issues/types';
import type { StatsFilter } from '../api/stats';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9-]+$/;
const NAMES = ['from', 'to', 'unit', 'category', 'channel'] as const satisfies readonly (keyof StatsFilter)[];

/** The longest range the API answers at once (three years; it counts them as 3 × 366 days). */
const MAX_RANGE_DAYS = 3 * 366;
const DAY_MS = 86_400_000;

/** The filters in the page's address, with anything malformed left out. */
export function filterOf(params: URLSearchParams): StatsFilter {
  const filter: StatsFilter = {};
  const from = params.get('from');
  if (from && DAY.test(from)) filter.from = from;
  const to = params.get('to');
  if (to && DAY.test(to)) filter.to = to;
  const unit = params.get('unit');
  if (unit && SLUG.test(unit)) filter.unit = unit;
  const category = params.get('category');
  if (category && SLUG.test(category)) filter.category = category;
  const channel = CHANNELS.find((candidate) => candidate === params.get('channel'));
  if (channel) filter.channel = channel;
  return filter;
}

/** The address parameters of filters (empty ones left out). */
export function paramsOf(filter: StatsFilter): Record<string, string> {
  return Object.fromEntries(
    NAMES.flatMap((name) => {
      const value = filter[name];
      return value ? [[name, value]] : [];
    }),
  );
}

/** What the API would refuse about a range, checked before asking (the codes are the API's). */
export function rangeProblem({ from, to }: Pick<StatsFilter, 'from' | 'to'>): { field: 'from' | 'to'; code: 'after_to' | 'too_long' } | undefined {
  if (!from || !to) return undefined;
  if (from > to) return { field: 'from', code: 'after_to' };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
  return days > MAX_RANGE_DAYS ? { field: 'to', code: 'too_long' } : undefined;
}
