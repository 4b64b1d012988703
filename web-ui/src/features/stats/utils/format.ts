import { useMemo } from 'react';
import type { Language } from '@/config/languages';
import { useLanguage } from '@/hooks/use-language';
import type { Durations } from '../api/stats';

/** What a share or a time shows when there is nothing to measure it on. */
const NONE = '—';

/** How the statistics' numbers read in a language: counts, shares as percentages, days and months. */
function statsFormat(language: Language) {
  const number = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  // Days and months of the API are calendar dates: formatted in UTC so no time zone moves them.
  const month = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  const count = (value: number | null | undefined) => (value === null || value === undefined ? NONE : number.format(value));
  return {
    count,
    /** A share (0–1) as a percentage. */
    share: (value: number | null | undefined) => (value === null || value === undefined ? NONE : percent.format(value)),
    /** The median and the 90th percentile of a time, as "3 / 8". */
    durations: (value: Durations) => `${count(value.median)} / ${count(value.p90)}`,
    /** A day of the API (`2026-11-20`) in words. */
    day: (value: string) => {
      const date = new Date(`${value}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? value : day.format(date);
    },
    /** A month key of the API (`2026-11`) as its name. */
    month: (key: string) => {
      const [year, monthNumber] = key.split('-').map(Number);
      if (year === undefined || monthNumber === undefined || Number.isNaN(year + monthNumber)) return key;
      return month.format(new Date(Date.UTC(year, monthNumber - 1, 1)));
    },
  };
}

type StatsFormat = ReturnType<typeof statsFormat>;

export function useStatsFormat(): StatsFormat {
  const language = useLanguage();
  return useMemo(() => statsFormat(language), [language]);
}
