import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CheckboxField,
  ChoiceGroup,
  errorMessage,
  FormFeedback,
  FormSuccess,
  SelectField,
  submittedValues,
  TextAreaField,
  TextField,
  useFormErrors,
} from '@/components/form';
import { LoadError, Loading } from '@/components/status';
import { toInstant, toLocalInput } from '@/lib/date-input';
import { useUnits } from '../api/administration';
import type { Category, CategoryInput } from '../api/categories';
import { CATEGORY_KINDS, DELIVERIES, isCategoryKind, isDelivery } from '../utils/categories';
import { definitionsOf, draftErrorNames, draftsOf, optionErrors, type FieldDraft } from '../utils/field-drafts';
import { FieldListEditor } from './field-list-editor';
import { UnitField } from './unit-field';

const CATEGORY_FIELDS = [
  'slug',
  'name_pl',
  'name_en',
  'group_pl',
  'group_en',
  'description_pl',
  'description_en',
  'kind',
  'unit_id',
  'delivery',
  'location_required',
  'active',
  'valid_from',
  'valid_until',
  'position',
];
const PROBLEM_FIELDS = { slug_taken: 'slug' };

type CategoryFormProps = {
  /** The category to edit; none for a new one. */
  category?: Category | undefined;
  /** Where a new category goes in lists unless the administrator says otherwise. */
  defaultPosition?: number;
  save: {
    mutate: (input: CategoryInput, options: { onSuccess: (category: Category) => void }) => void;
    reset: () => void;
    isPending: boolean;
    isSuccess: boolean;
    error: unknown;
  };
  onSaved?: (category: Category) => void;
};

const optionalText = (text: string) => (text.trim() === '' ? null : text.trim());
const optionalInstant = (local: string) => (local === '' ? null : toInstant(local));

/** A category's settings and the extra fields its report form asks for; saved as a whole. */
export function CategoryForm({ category, defaultPosition = 0, save, onSaved }: CategoryFormProps) {
  const { t } = useTranslation();
  const units = useUnits();
  const [drafts, setDrafts] = useState<FieldDraft[]>(() => draftsOf(category?.fields ?? []));
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const names = useMemo(() => [...CATEGORY_FIELDS, ...draftErrorNames(drafts)], [drafts]);
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(save.error, names, {
    localErrors,
    problemFields: PROBLEM_FIELDS,
  });

  // The unit list must be there before the form, or its select could not show the chosen unit.
  if (units.isPending) return <Loading />;
  if (units.isError) return <LoadError onRetry={() => void units.refetch()} />;

  // Errors name fields by their place in the list: once fields move, they would point at others.
  const changeDrafts = (next: FieldDraft[]) => {
    if (drafts.some((draft, index) => next[index]?.id !== draft.id)) {
      save.reset();
      setLocalErrors(undefined);
    }
    setDrafts(next);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    const problems: Record<string, string> = optionErrors(drafts);
    if (values.text('unit_id') === '') problems.unit_id = 'required';
    if (Object.keys(problems).length > 0) {
      save.reset();
      setLocalErrors(Object.fromEntries(Object.entries(problems).map(([name, code]) => [name, errorMessage(t, { code })])));
      return;
    }
    setLocalErrors(undefined);
    const kind = values.text('kind');
    const delivery = values.text('delivery');
    const input: CategoryInput = {
      slug: category?.slug ?? values.text('slug').trim(),
      name_pl: values.text('name_pl'),
      name_en: values.text('name_en'),
      group_pl: values.text('group_pl'),
      group_en: values.text('group_en'),
      description_pl: optionalText(values.text('description_pl')),
      description_en: optionalText(values.text('description_en')),
      kind: isCategoryKind(kind) ? kind : 'problem',
      unit_id: values.text('unit_id'),
      delivery: isDelivery(delivery) ? delivery : 'automatic',
      location_required: values.checked('location_required'),
      active: values.checked('active'),
      valid_from: optionalInstant(values.text('valid_from')),
      valid_until: optionalInstant(values.text('valid_until')),
      position: values.text('position') === '' ? defaultPosition : Number(values.text('position')),
      fields: definitionsOf(drafts),
    };
    save.mutate(input, { onSuccess: (saved) => onSaved?.(saved) });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form category-form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {save.isSuccess && (
        <FormSuccess>
          <p>{t('admin.categories.saved')}</p>
        </FormSuccess>
      )}

      <fieldset>
        <legend>{t('admin.categories.form.naming')}</legend>
        <TextField
          name="slug"
          label={t('admin.categories.form.slug')}
          hint={category ? t('admin.categories.form.slugFixed') : t('admin.categories.form.slugHint')}
          defaultValue={category?.slug}
          readOnly={category !== undefined}
          error={fieldError('slug')}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField name="name_pl" lang="pl" label={t('admin.categories.form.namePl')} defaultValue={category?.name_pl} error={fieldError('name_pl')} autoComplete="off" />
        <TextField name="name_en" lang="en" label={t('admin.categories.form.nameEn')} defaultValue={category?.name_en} error={fieldError('name_en')} autoComplete="off" />
        <TextField
          name="group_pl"
          lang="pl"
          label={t('admin.categories.form.groupPl')}
          hint={t('admin.categories.form.groupHint')}
          defaultValue={category?.group_pl}
          error={fieldError('group_pl')}
          autoComplete="off"
        />
        <TextField name="group_en" lang="en" label={t('admin.categories.form.groupEn')} defaultValue={category?.group_en} error={fieldError('group_en')} autoComplete="off" />
        <TextAreaField
          name="description_pl"
          lang="pl"
          rows={2}
          label={t('admin.categories.form.descriptionPl')}
          defaultValue={category?.description_pl ?? ''}
          error={fieldError('description_pl')}
          optional
        />
        <TextAreaField
          name="description_en"
          lang="en"
          rows={2}
          label={t('admin.categories.form.descriptionEn')}
          defaultValue={category?.description_en ?? ''}
          error={fieldError('description_en')}
          optional
        />
      </fieldset>

      <fieldset>
        <legend>{t('admin.categories.form.handling')}</legend>
        <SelectField
          name="kind"
          label={t('admin.categories.form.kind')}
          defaultValue={category?.kind ?? 'problem'}
          error={fieldError('kind')}
          options={CATEGORY_KINDS.map((kind) => ({ value: kind, label: t(`admin.categories.kinds.${kind}`) }))}
        />
        <UnitField
          label={t('admin.categories.form.unit')}
          hint={t('admin.categories.form.unitHint')}
          defaultValue={category?.unit_id ?? ''}
          error={fieldError('unit_id')}
        />
        <ChoiceGroup
          type="radio"
          name="delivery"
          legend={t('admin.categories.form.delivery')}
          defaultValue={category?.delivery ?? 'automatic'}
          error={fieldError('delivery')}
          choices={DELIVERIES.map((delivery) => ({ value: delivery, label: t(`admin.categories.form.deliveryChoices.${delivery}`) }))}
        />
        <CheckboxField
          name="location_required"
          label={t('admin.categories.form.locationRequired')}
          defaultChecked={category?.location_required ?? true}
          error={fieldError('location_required')}
        />
      </fieldset>

      <fieldset>
        <legend>{t('admin.categories.form.availability')}</legend>
        <CheckboxField
          name="active"
          label={t('admin.categories.form.active')}
          hint={t('admin.categories.form.activeHint')}
          defaultChecked={category?.active ?? true}
          error={fieldError('active')}
        />
        <TextField
          type="datetime-local"
          name="valid_from"
          label={t('admin.categories.form.validFrom')}
          hint={t('admin.categories.form.validityHint')}
          defaultValue={toLocalInput(category?.valid_from)}
          error={fieldError('valid_from')}
          optional
        />
        <TextField
          type="datetime-local"
          name="valid_until"
          label={t('admin.categories.form.validUntil')}
          hint={t('admin.categories.form.validityHint')}
          defaultValue={toLocalInput(category?.valid_until)}
          error={fieldError('valid_until')}
          optional
        />
        <TextField
          type="number"
          step={1}
          name="position"
          label={t('admin.categories.form.position')}
          hint={t('admin.categories.form.positionHint')}
          defaultValue={String(category?.position ?? defaultPosition)}
          error={fieldError('position')}
          optional
        />
      </fieldset>

      <fieldset>
        <legend>{t('admin.categories.fields.title')}</legend>
        <p className="field__hint">{t('admin.categories.fields.intro')}</p>
        <FieldListEditor drafts={drafts} onChange={changeDrafts} error={fieldError} />
      </fieldset>

      <button type="submit" disabled={save.isPending}>
        {category ? t('admin.categories.form.save') : t('admin.categories.form.create')}
      </button>
    </form>
  );
}
