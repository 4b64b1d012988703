import type { operations } from '@/lib/api/schema';

/** The filters the open-data export takes (the public list's filters, without paging). */
export type ExportFilter = Omit<NonNullable<operations['export_issues']['parameters']['query']>, 'format' | 'page' | 'per_page'>;

/** The open-data download of the issues the filters select (R2.7): a plain link, no token needed. */
export function exportUrl(format: 'csv' | 'geojson', filter: ExportFilter): string {
  const params = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value !== '') params.set(name, value);
  }
  return `/api/v1/issues/export?${params.toString()}`;
}
