import type { components } from '@/lib/api/schema';
import { CHANNELS, ISSUE_STATUSES } from '@/lib/issues/types';
import type { QueueQuery } from '../api/queue';

type QueueSort = components['schemas']['QueueSort'];

/** The queue's filters and order, as the page's address keeps them. */
export type QueueFilter = Pick<QueueQuery, 'status' | 'category' | 'unit' | 'channel' | 'overdue' | 'from' | 'to' | 'sort'>;

/** By deadline first: the default, and what operators need most. */
export const SORTS = ['deadline', 'newest', 'oldest'] as const satisfies readonly QueueSort[];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9-]+$/;

function oneOf<T extends string>(known: readonly T[], value: string | null): T | undefined {
  return known.find((candidate) => candidate === value);
}

/** The filters in the page's address, with anything malformed left out. */
export function filterOf(params: URLSearchParams): QueueFilter {
  const filter: QueueFilter = {};
  const status = oneOf(ISSUE_STATUSES, params.get('status'));
  if (status) filter.status = status;
  const category = params.get('category');
  if (category && SLUG.test(category)) filter.category = category;
  const unit = params.get('unit');
  if (unit && SLUG.test(unit)) filter.unit = unit;
  const channel = oneOf(CHANNELS, params.get('channel'));
  if (channel) filter.channel = channel;
  const overdue = params.get('overdue');
  if (overdue === 'true' || overdue === 'false') filter.overdue = overdue === 'true';
  const from = params.get('from');
  if (from && DAY.test(from)) filter.from = from;
  const to = params.get('to');
  if (to && DAY.test(to)) filter.to = to;
  const sort = oneOf(SORTS, params.get('sort'));
  if (sort && sort !== 'deadline') filter.sort = sort;
  return filter;
}

/** The address parameters of filters (empty ones and the default order left out). */
export function paramsOf(filter: QueueFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(filter)) {
    if (typeof value === 'boolean') params[name] = String(value);
    else if (typeof value === 'string' && value !== '' && !(name === 'sort' && value === 'deadline')) params[name] = value;
  }
  return params;
}

/** The page number in the address (1 when missing or malformed). */
export function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}
