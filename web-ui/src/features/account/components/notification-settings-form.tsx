import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/status';
import { ChoiceGroup, FormFeedback, FormSuccess, submittedValues, useFormErrors } from '@/components/form';
import { useSavedNotificationSettings, useUpdateNotificationSettings, type NewIssueMail } from '../api/notifications';

const FIELDS = ['new_issue_mail'] as const;
const CHOICES = ['immediate', 'digest', 'off'] as const satisfies readonly NewIssueMail[];

/** Staff choose how they hear of new issues in their queue (R9). */
export function NotificationSettingsForm() {
  const { t } = useTranslation();
  const saved = useSavedNotificationSettings();
  const update = useUpdateNotificationSettings();
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(update.error, FIELDS, { localErrors });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const chosen = CHOICES.find((choice) => choice === submittedValues(event).text('new_issue_mail'));
    if (!chosen) {
      setLocalErrors({ new_issue_mail: t('notifications.choose') });
      return;
    }
    setLocalErrors(undefined);
    update.mutate({ new_issue_mail: chosen });
  };

  // The choices start from the saved setting, so they wait for it.
  if (saved.isPending) return <Loading />;

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {update.isSuccess && (
        <FormSuccess>
          <p>{t('notifications.saved', { choice: t(`notifications.choices.${update.data.new_issue_mail}`) })}</p>
        </FormSuccess>
      )}
      <ChoiceGroup
        type="radio"
        name="new_issue_mail"
        legend={t('notifications.legend')}
        hint={t('notifications.hint')}
        error={fieldError('new_issue_mail')}
        defaultValue={saved.data?.new_issue_mail}
        choices={CHOICES.map((choice) => ({ value: choice, label: t(`notifications.choices.${choice}`) }))}
      />
      <div className="form__actions">
        <button type="submit" disabled={update.isPending}>
          {t('notifications.submit')}
        </button>
      </div>
    </form>
  );
}
