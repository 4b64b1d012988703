import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, FormSuccess, submittedValues, TextField, useFormErrors } from '@/components/form';
import { isLanguage } from '@/config/languages';
import type { Profile } from '@/lib/auth';
import { useUpdateProfile } from '../api/profile';
import { LanguageField } from './language-field';

const FIELDS = ['first_name', 'last_name', 'phone', 'language'] as const;

/** Names, phone and language. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateProfile();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(update.error, FIELDS);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    const language = values.text('language');
    update.mutate(
      {
        first_name: values.text('first_name'),
        last_name: values.text('last_name'),
        // An empty string removes the number.
        phone: values.text('phone').trim(),
        language: isLanguage(language) ? language : null,
      },
      {
        onSuccess: (saved) => {
          if (saved.language !== i18n.resolvedLanguage) {
            void i18n.changeLanguage(saved.language);
          }
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {update.isSuccess && (
        <FormSuccess>
          <p>{t('profile.saved')}</p>
        </FormSuccess>
      )}
      <TextField
        name="first_name"
        label={t('account.fields.firstName')}
        autoComplete="given-name"
        defaultValue={profile.first_name}
        error={fieldError('first_name')}
      />
      <TextField
        name="last_name"
        label={t('account.fields.lastName')}
        autoComplete="family-name"
        defaultValue={profile.last_name}
        error={fieldError('last_name')}
      />
      <TextField
        type="tel"
        name="phone"
        label={t('account.fields.phone')}
        autoComplete="tel"
        optional
        defaultValue={profile.phone ?? ''}
        error={fieldError('phone')}
      />
      <LanguageField defaultValue={profile.language} error={fieldError('language')} />
      <button type="submit" disabled={update.isPending}>
        {t('profile.submit')}
      </button>
    </form>
  );
}
