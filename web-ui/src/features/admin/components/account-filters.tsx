import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, submittedValues, TextField } from '@/components/form';
import { ROLES } from './roles';

type AccountFiltersProps = {
  q: string;
  role: string;
  blocked: string;
  onChange: (filters: { q: string; role: string; blocked: string }) => void;
};

/** Search and filters of the account list; applied on submit (the list's address keeps them). */
export function AccountFilters({ q, role, blocked, onChange }: AccountFiltersProps) {
  const { t } = useTranslation();
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    onChange({ q: values.text('q').trim(), role: values.text('role'), blocked: values.text('blocked') });
  };
  return (
    <form role="search" onSubmit={onSubmit} className="filters" aria-label={t('admin.users.filters')}>
      <TextField type="search" name="q" label={t('admin.users.search')} hint={t('admin.users.searchHint')} defaultValue={q} optional />
      <SelectField
        name="role"
        label={t('admin.users.role')}
        defaultValue={role}
        options={[{ value: '', label: t('admin.users.anyRole') }, ...ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))]}
      />
      <SelectField
        name="blocked"
        label={t('admin.users.status')}
        defaultValue={blocked}
        options={[
          { value: '', label: t('admin.users.anyStatus') },
          { value: 'true', label: t('admin.users.blocked') },
          { value: 'false', label: t('admin.users.notBlocked') },
        ]}
      />
      <button type="submit">{t('admin.users.apply')}</button>
    </form>
  );
}
