import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ChoiceGroup,
  errorMessage,
  FormFeedback,
  FormSuccess,
  submittedValues,
  TextField,
  useFormErrors,
} from '@/components/form';
import type { App, AppInput } from '../api/apps';
import { isScope, SCOPE_LABELS, SCOPES } from '../utils/apps';

const FIELDS = ['name', 'contact_email', 'scopes', 'rate_limit_per_minute'] as const;

/** A new app may make this many requests a minute per key unless the administrator says otherwise. */
const DEFAULT_RATE_LIMIT = 60;

type AppFormProps = {
  /** The app to edit; none for a new one. */
  app?: App;
  save: {
    mutate: (input: AppInput, options: { onSuccess: (app: App) => void }) => void;
    isPending: boolean;
    isSuccess: boolean;
    error: unknown;
  };
  onSaved?: (app: App) => void;
};

/** An app's name, contact, scopes and rate limit: registering it or changing them. */
export function AppForm({ app, save, onSaved }: AppFormProps) {
  const { t } = useTranslation();
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(save.error, FIELDS, { localErrors });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    const rate = values.text('rate_limit_per_minute').trim();
    // A number input gives '' for anything that is not a number: the server would get null.
    if (!Number.isInteger(Number(rate)) || rate === '') {
      setLocalErrors({ rate_limit_per_minute: errorMessage(t, { code: rate === '' ? 'required' : 'invalid' }) });
      return;
    }
    setLocalErrors(undefined);
    const input: AppInput = {
      name: values.text('name').trim(),
      contact_email: values.text('contact_email').trim(),
      scopes: values.all('scopes').filter(isScope),
      rate_limit_per_minute: Number(rate),
    };
    save.mutate(input, { onSuccess: (saved) => onSaved?.(saved) });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {app && save.isSuccess && (
        <FormSuccess>
          <p>{t('admin.apps.saved')}</p>
        </FormSuccess>
      )}
      <TextField name="name" label={t('admin.apps.form.name')} defaultValue={app?.name} error={fieldError('name')} autoComplete="off" />
      <TextField
        type="email"
        name="contact_email"
        label={t('admin.apps.form.contact')}
        hint={t('admin.apps.form.contactHint')}
        defaultValue={app?.contact_email}
        error={fieldError('contact_email')}
        autoComplete="off"
      />
      <ChoiceGroup
        type="checkbox"
        name="scopes"
        legend={t('admin.apps.form.scopes')}
        hint={t('admin.apps.form.scopesHint')}
        defaultValue={app?.scopes ?? ['issues.create']}
        error={fieldError('scopes')}
        optional
        choices={SCOPES.map((scope) => ({ value: scope, label: t(SCOPE_LABELS[scope]) }))}
      />
      <TextField
        type="number"
        min={1}
        max={100000}
        step={1}
        name="rate_limit_per_minute"
        label={t('admin.apps.form.rateLimit')}
        hint={t('admin.apps.form.rateLimitHint')}
        defaultValue={String(app?.rate_limit_per_minute ?? DEFAULT_RATE_LIMIT)}
        error={fieldError('rate_limit_per_minute')}
      />
      <button type="submit" disabled={save.isPending}>
        {app ? t('admin.apps.form.save') : t('admin.apps.form.create')}
      </button>
    </form>
  );
}
