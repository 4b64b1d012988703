import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SelectField, submittedValues, TextField } from '@/components/form';
import { paths } from '@/config/paths';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import { ISSUE_STATUSES, type Category } from '@/lib/issues/types';
import type { IssueFilter } from '../api/issues';

type IssueFiltersProps = {
  filter: IssueFilter;
  categories: readonly Category[];
  onChange: (filter: IssueFilter) => void;
};

/** The filters of the map and the list; applied on submit, kept in the page's address. */
export function IssueFilters({ filter, categories, onChange }: IssueFiltersProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    onChange({
      category: values.text('category') || undefined,
      status: values.text('status') || undefined,
      q: values.text('q').trim() || undefined,
      from: values.text('from') || undefined,
      to: values.text('to') || undefined,
    });
  };
  return (
    <form role="search" onSubmit={onSubmit} className="filters" aria-label={t('map.filters.label')}>
      <SelectField
        name="category"
        label={t('map.filters.category')}
        defaultValue={filter.category ?? ''}
        options={[
          { value: '', label: t('map.filters.anyCategory') },
          ...categories.map((category) => ({
            value: category.slug,
            label: inLanguage(language, category.name_pl, category.name_en),
          })),
        ]}
      />
      <SelectField
        name="status"
        label={t('map.filters.status')}
        defaultValue={filter.status ?? ''}
        options={[
          { value: '', label: t('map.filters.anyStatus') },
          ...ISSUE_STATUSES.map((status) => ({ value: status, label: t(`issueStatus.${status}`) })),
        ]}
      />
      <TextField type="search" name="q" label={t('map.filters.text')} defaultValue={filter.q ?? ''} optional />
      <TextField type="date" name="from" label={t('map.filters.from')} defaultValue={filter.from ?? ''} optional />
      <TextField type="date" name="to" label={t('map.filters.to')} defaultValue={filter.to ?? ''} optional />
      <div className="form__actions">
        <button type="submit">{t('map.filters.apply')}</button>
        <Link to={paths.map}>{t('map.filters.clear')}</Link>
      </div>
    </form>
  );
}
