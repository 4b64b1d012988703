import { ISSUE_STATUSES } from '@/lib/issues/types';
import type { IssueFilter } from '../api/issues';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FILTER_NAMES = ['category', 'status', 'q', 'from', 'to'] as const;

/** The filters in the page's address, with anything malformed left out. */
export function filterOf(params: URLSearchParams): IssueFilter {
  const filter: IssueFilter = {};
  const category = params.get('category');
  if (category) filter.category = category;
  const status = params.get('status');
  if (status && (ISSUE_STATUSES as readonly string[]).includes(status)) filter.status = status;
  const q = params.get('q')?.trim();
  if (q) filter.q = q;
  const from = params.get('from');
  if (from && DAY.test(from)) filter.from = from;
  const to = params.get('to');
  if (to && DAY.test(to)) filter.to = to;
  return filter;
}

/** The address parameters of filters (empty ones left out). */
export function paramsOf(filter: IssueFilter): Record<string, string> {
  return Object.fromEntries(
    FILTER_NAMES.flatMap((name) => {
      const value = filter[name];
      return value ? [[name, value]] : [];
    }),
  );
}

export function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}
