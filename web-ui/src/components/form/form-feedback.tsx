import { useTranslation } from 'react-i18next';
import { FormAlert } from './form-alert';

/** The alert above a form after a failed submission: the form's error, or a pointer to the fields. */
export function FormFeedback({ formError, hasFieldErrors }: { formError: string | undefined; hasFieldErrors: boolean }) {
  const { t } = useTranslation();
  if (formError) {
    return (
      <FormAlert>
        <p>{formError}</p>
      </FormAlert>
    );
  }
  if (hasFieldErrors) {
    return (
      <p role="alert" className="alert">
        {t('form.fixFields')}
      </p>
    );
  }
  return null;
}
