import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ChoiceGroup,
  errorMessage,
  FormFeedback,
  FormSuccess,
  SelectField,
  submittedValues,
  TextField,
  useFormErrors,
} from '@/components/form';
import { LoadError, Loading } from '@/components/status';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import { useUnits } from '../api/administration';
import { useApps } from '../api/apps';
import { useAllCategories } from '../api/categories';
import type { NewWebhookSubscription, WebhookSubscription } from '../api/webhooks';
import { EVENT_LABELS, EVENTS, isEvent } from '../utils/webhooks';

type WebhookFormProps = {
  /** The subscription to edit (its owner stays); none for a new one, which names its owner. */
  subscription?: WebhookSubscription;
  /** Editing sends the same fields without an owner, which a change accepts too. */
  save: {
    mutate: (input: NewWebhookSubscription, options: { onSuccess: () => void }) => void;
    isPending: boolean;
    isSuccess: boolean;
    error: unknown;
  };
};

/** The owner select's values: an app by id, or a unit by slug. */
const APP_OWNER = 'app:';
const UNIT_OWNER = 'unit:';

function ownerOf(value: string): Pick<NewWebhookSubscription, 'app_id' | 'unit'> {
  if (value.startsWith(APP_OWNER)) return { app_id: value.slice(APP_OWNER.length) };
  return { unit: value.slice(UNIT_OWNER.length) };
}

/** Chooses a new subscription's owner: an app, or a unit. */
function OwnerField({ error }: { error: string | undefined }) {
  const { t } = useTranslation();
  const apps = useApps();
  const units = useUnits();
  const pending = apps.isPending || units.isPending;
  return (
    <SelectField
      name="owner"
      label={t('admin.webhooks.form.owner')}
      hint={t('admin.webhooks.form.ownerHint')}
      error={error ?? (apps.isError || units.isError ? t('common.loadError') : undefined)}
      required
      options={[
        { value: '', label: pending ? t('common.loading') : t('admin.webhooks.form.chooseOwner') },
        ...(apps.data ?? []).map((app) => ({
          value: `${APP_OWNER}${app.id}`,
          label: t('admin.webhooks.ownerApp', { name: app.name }),
        })),
        ...(units.data ?? []).map((unit) => ({
          value: `${UNIT_OWNER}${unit.slug}`,
          label: t('admin.webhooks.ownerUnit', { name: unit.name }),
        })),
      ]}
    />
  );
}

/** The API names a wrong filter entry by its place in the list sent (`categories[2]`). */
const indexed = (field: string, count: number) => Array.from({ length: count }, (_, index) => `${field}[${String(index)}]`);

/** Where a subscription's deliveries go, which events it hears of, and for which issues. */
export function WebhookForm({ subscription, save }: WebhookFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const units = useUnits();
  const categories = useAllCategories();
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const categoryCount = categories.data?.length ?? 0;
  const unitCount = units.data?.length ?? 0;
  const fields = useMemo(
    () => [
      ...['owner', 'app_id', 'unit', 'url', 'events', 'categories', 'units'],
      ...indexed('categories', categoryCount),
      ...indexed('units', unitCount),
    ],
    [categoryCount, unitCount],
  );
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(save.error, fields, { localErrors });

  // The lists must be there before the form, or its choices could not show what is chosen.
  const failed = [units, categories].find((load) => load.isError);
  if (failed) return <LoadError onRetry={() => void failed.refetch()} />;
  if (!units.data || !categories.data) return <Loading />;

  const firstError = (field: string, count: number) =>
    [field, ...indexed(field, count)].map(fieldError).find((error) => error !== undefined);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const values = submittedValues(event);
    const owner = values.text('owner');
    if (!subscription && owner === '') {
      setLocalErrors({ owner: errorMessage(t, { code: 'required' }) });
      return;
    }
    setLocalErrors(undefined);
    const input: NewWebhookSubscription = {
      ...(subscription ? {} : ownerOf(owner)),
      url: values.text('url').trim(),
      events: values.all('events').filter(isEvent),
      categories: values.all('categories'),
      units: values.all('units'),
    };
    save.mutate(input, {
      onSuccess: () => {
        // A new subscription's form is ready for the next one; an edited one keeps its values.
        if (!subscription) form.reset();
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {subscription && save.isSuccess && (
        <FormSuccess>
          <p>{t('admin.webhooks.saved')}</p>
        </FormSuccess>
      )}
      {!subscription && <OwnerField error={fieldError('owner') ?? fieldError('app_id') ?? fieldError('unit')} />}
      <TextField
        type="url"
        name="url"
        label={t('admin.webhooks.form.url')}
        hint={t('admin.webhooks.form.urlHint')}
        defaultValue={subscription?.url}
        error={fieldError('url')}
        autoComplete="off"
        spellCheck={false}
      />
      <ChoiceGroup
        type="checkbox"
        name="events"
        legend={t('admin.webhooks.form.events')}
        error={fieldError('events')}
        defaultValue={subscription?.events}
        choices={EVENTS.map((value) => ({ value, label: t(EVENT_LABELS[value]) }))}
      />
      <ChoiceGroup
        type="checkbox"
        name="categories"
        legend={t('admin.webhooks.form.categories')}
        hint={t('admin.webhooks.form.categoriesHint')}
        error={firstError('categories', categoryCount)}
        optional
        defaultValue={subscription?.categories}
        choices={categories.data.map((category) => ({
          value: category.slug,
          label: inLanguage(language, category.name_pl, category.name_en),
        }))}
      />
      <ChoiceGroup
        type="checkbox"
        name="units"
        legend={t('admin.webhooks.form.units')}
        hint={t('admin.webhooks.form.unitsHint')}
        error={firstError('units', unitCount)}
        optional
        defaultValue={subscription?.units}
        choices={units.data.map((unit) => ({ value: unit.slug, label: unit.name }))}
      />
      <button type="submit" disabled={save.isPending}>
        {subscription ? t('admin.webhooks.form.save') : t('admin.webhooks.form.create')}
      </button>
    </form>
  );
}
