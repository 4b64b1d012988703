import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormFeedback, submittedValues, TextField, useFormErrors } from '@/components/form';
import { isLanguage, DEFAULT_LANGUAGE } from '@/config/languages';
import { paths } from '@/config/paths';
import { useRegister } from '../api/registration';
import type { Terms } from '../api/terms';
import { LanguageField } from './language-field';
import { PasswordField } from './password-field';
import { TermsAcceptance } from './terms-acceptance';

const FIELDS = ['first_name', 'last_name', 'email', 'phone', 'password', 'language', 'accepted_terms_version'] as const;

export function RegisterForm({ terms }: { terms: Terms }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const register = useRegister();
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(register.error, FIELDS, { localErrors });
  const uiLanguage = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    if (!values.checked('accept_terms')) {
      setLocalErrors({ accepted_terms_version: t('terms.required') });
      return;
    }
    setLocalErrors(undefined);
    const email = values.text('email').trim();
    const language = values.text('language');
    register.mutate(
      {
        first_name: values.text('first_name'),
        last_name: values.text('last_name'),
        email,
        phone: values.text('phone').trim() || null,
        password: values.text('password'),
        accepted_terms_version: terms.version,
        language: isLanguage(language) ? language : uiLanguage,
      },
      { onSuccess: () => void navigate(paths.registered, { state: { email } }) },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextField name="first_name" label={t('account.fields.firstName')} autoComplete="given-name" error={fieldError('first_name')} />
      <TextField name="last_name" label={t('account.fields.lastName')} autoComplete="family-name" error={fieldError('last_name')} />
      <TextField
        type="email"
        name="email"
        label={t('account.fields.email')}
        hint={t('register.emailHint')}
        autoComplete="email"
        error={fieldError('email')}
      />
      <TextField type="tel" name="phone" label={t('account.fields.phone')} autoComplete="tel" optional error={fieldError('phone')} />
      <PasswordField name="password" label={t('account.fields.password')} isNew error={fieldError('password')} />
      <LanguageField defaultValue={uiLanguage} error={fieldError('language')} />
      <TermsAcceptance terms={terms} error={fieldError('accepted_terms_version')} />
      <button type="submit" disabled={register.isPending}>
        {register.isPending ? t('common.sending') : t('register.submit')}
      </button>
    </form>
  );
}
