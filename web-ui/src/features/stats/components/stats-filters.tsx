import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormFeedback, SelectField, submittedValues, TextField, useFormErrors } from '@/components/form';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import { CHANNELS, type Category, type Unit } from '@/lib/issues/types';
import type { StatsFilter } from '../api/stats';
import { filterOf, rangeProblem } from '../utils/stats-filter';

const FIELDS = ['from', 'to', 'unit', 'category', 'channel'] as const;

type StatsFiltersProps = {
  filter: StatsFilter;
  /** The units and categories to choose from; without them only the range is offered. */
  scope?: { units: readonly Unit[]; categories: readonly Category[] } | undefined;
  /** Where "clear" leads: the page without filters. */
  clearTo: string;
  /** Why the API refused the filters shown (a wrong range, an unknown unit), if it did. */
  error: unknown;
  onChange: (filter: StatsFilter) => void;
};

/** Which issues the figures count; applied on submit and kept in the page's address. */
export function StatsFilters({ filter, scope, clearTo, error, onChange }: StatsFiltersProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(error, FIELDS, { localErrors });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    // The same checks as for the address, so the two cannot disagree.
    const next = filterOf(new URLSearchParams(FIELDS.map((name) => [name, values.text(name)])));
    const problem = rangeProblem(next);
    if (problem) {
      setLocalErrors({ [problem.field]: problem.code === 'after_to' ? t('errors.after_to') : t('stats.filters.tooLong') });
      return;
    }
    setLocalErrors(undefined);
    onChange(next);
  };

  return (
    <form ref={formRef} role="search" onSubmit={onSubmit} className="filters" aria-label={t('stats.filters.label')} noValidate>
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextField type="date" name="from" label={t('stats.filters.from')} defaultValue={filter.from ?? ''} error={fieldError('from')} optional />
      <TextField type="date" name="to" label={t('stats.filters.to')} defaultValue={filter.to ?? ''} error={fieldError('to')} optional />
      {scope && (
        <>
          <SelectField
            name="unit"
            label={t('stats.filters.unit')}
            defaultValue={filter.unit ?? ''}
            error={fieldError('unit')}
            options={[{ value: '', label: t('stats.filters.anyUnit') }, ...scope.units.map((unit) => ({ value: unit.slug, label: unit.name }))]}
          />
          <SelectField
            name="category"
            label={t('stats.filters.category')}
            defaultValue={filter.category ?? ''}
            error={fieldError('category')}
            options={[
              { value: '', label: t('stats.filters.anyCategory') },
              ...scope.categories.map((category) => ({ value: category.slug, label: inLanguage(language, category.name_pl, category.name_en) })),
            ]}
          />
          <SelectField
            name="channel"
            label={t('stats.filters.channel')}
            defaultValue={filter.channel ?? ''}
            error={fieldError('channel')}
            options={[
              { value: '', label: t('stats.filters.anyChannel') },
              ...CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) })),
            ]}
          />
        </>
      )}
      <div className="form__actions">
        <button type="submit">{t('stats.filters.apply')}</button>
        <Link to={clearTo}>{t('stats.filters.clear')}</Link>
      </div>
    </form>
  );
}
