import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormFeedback, FormSuccess, SelectField, submittedValues, TextField, useFormErrors } from '@/components/form';
import { Page } from '@/components/page';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES } from '@/config/languages';
import { paths } from '@/config/paths';
import { useInvite } from '../api/administration';
import { AdminNav } from '../components/admin-nav';
import { isRole, isUnitScoped, ROLES, type Role } from '../components/roles';
import { UnitField } from '../components/unit-field';

const FIELDS = ['email', 'first_name', 'last_name', 'language', 'role', 'unit_id'] as const;

/** Invites a staff member: the account is made with the role, and a mail sets the password. */
export function InvitePage() {
  const { t } = useTranslation();
  const invite = useInvite();
  const [role, setRole] = useState<Role>('operator');
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(invite.error, FIELDS);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const values = submittedValues(event);
    const language = values.text('language');
    const unit = values.text('unit_id');
    invite.mutate(
      {
        email: values.text('email').trim(),
        first_name: values.text('first_name'),
        last_name: values.text('last_name'),
        language: isLanguage(language) ? language : DEFAULT_LANGUAGE,
        role,
        unit_id: isUnitScoped(role) && unit ? unit : null,
      },
      { onSuccess: () => { form.reset(); } },
    );
  };

  return (
    <Page title={t('admin.invite.title')}>
      <AdminNav />
      <p className="lead">{t('admin.invite.intro')}</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
        <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
        {invite.data && (
          <FormSuccess>
            <p>
              {t('admin.invite.done')} <Link to={paths.adminUser(invite.data.id)}>{t('admin.invite.open')}</Link>
            </p>
          </FormSuccess>
        )}
        <TextField type="email" name="email" label={t('account.fields.email')} autoComplete="off" error={fieldError('email')} />
        <TextField name="first_name" label={t('account.fields.firstName')} autoComplete="off" error={fieldError('first_name')} />
        <TextField name="last_name" label={t('account.fields.lastName')} autoComplete="off" error={fieldError('last_name')} />
        <SelectField
          name="language"
          label={t('account.fields.language')}
          defaultValue={DEFAULT_LANGUAGE}
          error={fieldError('language')}
          options={LANGUAGES.map((language) => ({ value: language, label: t('language.name', { lng: language }) }))}
        />
        <SelectField
          name="role"
          label={t('admin.roles.role')}
          value={role}
          onChange={(event) => {
            if (isRole(event.target.value)) setRole(event.target.value);
          }}
          error={fieldError('role')}
          options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
        />
        {isUnitScoped(role) && <UnitField error={fieldError('unit_id')} />}
        <button type="submit" disabled={invite.isPending}>
          {t('admin.invite.submit')}
        </button>
      </form>
    </Page>
  );
}
