import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField, submittedValues, TextField } from '@/components/form';
import { paths } from '@/config/paths';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import { CHANNELS, ISSUE_STATUSES, type Category } from '@/lib/issues/types';
import type { Unit } from '../api/queue';
import { filterOf, SORTS, type QueueFilter } from '../utils/queue-filter';

type QueueFiltersProps = {
  filter: QueueFilter;
  categories: readonly Category[];
  /** The units whose queue the person works on. */
  units: readonly Unit[];
  onChange: (filter: QueueFilter) => void;
};

/** The queue's filters and order; applied on submit, kept in the page's address. */
export function QueueFilters({ filter, categories, units, onChange }: QueueFiltersProps) {
  const { t } = useTranslation();
  const language = useLanguage();

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    const names = ['status', 'category', 'unit', 'channel', 'overdue', 'from', 'to', 'sort'];
    // The same checks as for the address, so the two cannot disagree.
    onChange(filterOf(new URLSearchParams(names.map((name) => [name, values.text(name)]))));
  };

  return (
    <form role="search" onSubmit={onSubmit} className="filters" aria-label={t('console.filters.label')}>
      <SelectField
        name="status"
        label={t('console.filters.status')}
        defaultValue={filter.status ?? ''}
        options={[
          { value: '', label: t('console.filters.unfinished') },
          ...ISSUE_STATUSES.map((status) => ({ value: status, label: t(`issueStatus.${status}`) })),
        ]}
      />
      <SelectField
        name="category"
        label={t('console.filters.category')}
        defaultValue={filter.category ?? ''}
        options={[
          { value: '', label: t('console.filters.any') },
          ...categories.map((category) => ({ value: category.slug, label: inLanguage(language, category.name_pl, category.name_en) })),
        ]}
      />
      <SelectField
        name="unit"
        label={t('console.filters.unit')}
        defaultValue={filter.unit ?? ''}
        options={[{ value: '', label: t('console.filters.anyUnit') }, ...units.map((unit) => ({ value: unit.slug, label: unit.name }))]}
      />
      <SelectField
        name="channel"
        label={t('console.filters.channel')}
        defaultValue={filter.channel ?? ''}
        options={[
          { value: '', label: t('console.filters.any') },
          ...CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) })),
        ]}
      />
      <SelectField
        name="overdue"
        label={t('console.filters.deadline')}
        defaultValue={filter.overdue === undefined ? '' : String(filter.overdue)}
        options={[
          { value: '', label: t('console.filters.any') },
          { value: 'true', label: t('console.filters.overdue') },
          { value: 'false', label: t('console.filters.notOverdue') },
        ]}
      />
      <TextField type="date" name="from" label={t('console.filters.from')} defaultValue={filter.from ?? ''} optional />
      <TextField type="date" name="to" label={t('console.filters.to')} defaultValue={filter.to ?? ''} optional />
      <SelectField
        name="sort"
        label={t('console.filters.sort')}
        defaultValue={filter.sort ?? 'deadline'}
        options={SORTS.map((sort) => ({ value: sort, label: t(`console.sort.${sort}`) }))}
      />
      <div className="form__actions">
        <button type="submit">{t('console.filters.apply')}</button>
        <Link to={paths.console}>{t('console.filters.clear')}</Link>
      </div>
    </form>
  );
}
