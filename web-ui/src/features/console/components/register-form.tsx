import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CheckboxField,
  ChoiceGroup,
  FormFeedback,
  SelectField,
  submittedValues,
  TextAreaField,
  TextField,
  useFormErrors,
} from '@/components/form';
import { AddressCombobox } from '@/components/issues/address-combobox';
import { DynamicField, useFieldProblemText } from '@/components/issues/dynamic-field';
import { PlaceMap } from '@/components/map/place-map';
import { LANGUAGES } from '@/config/languages';
import { useLanguage } from '@/hooks/use-language';
import { controlName, readFieldValues } from '@/lib/issues/field-values';
import { inLanguage, sortedFields } from '@/lib/issues/fields';
import type { Category, City, Location } from '@/lib/issues/types';
import { randomUuid } from '@/lib/random-id';
import { STAFF_CHANNELS, useRegisterIssue, type NewIssue } from '../api/register';
import type { components } from '@/lib/api/schema';

type IssueCreated = components['schemas']['IssueCreated'];

const BASE_FIELDS = [
  'channel',
  'category',
  'title',
  'description',
  'location',
  'address',
  'contact.name',
  'contact.email',
  'contact.phone',
  'contact.consent',
  'language',
];

type RegisterFormProps = {
  categories: readonly Category[];
  /** The city, once loaded (the map needs it; the address field does not). */
  city: City | undefined;
  onRegistered: (created: IssueCreated) => void;
};

/** The place in words, announced as it changes (a pin dropped on the map is heard too). */
function usePlaceText(location: Location | undefined, address: string): string {
  const { t, i18n } = useTranslation();
  if (!location) return address.trim() === '' ? t('report.place.none') : t('report.place.typedOnly', { address: address.trim() });
  const format = new Intl.NumberFormat(i18n.resolvedLanguage, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  return address.trim() === ''
    ? t('report.place.chosenPoint', { lat: format.format(location.lat), lon: format.format(location.lon) })
    : t('report.place.chosenAddress', { address: address.trim() });
}

/**
 * Registering an issue a resident brought by phone, mail, ePUAP, letter or in person (R1.7):
 * one form with the same fields and checks as the resident's own, the channel it came by, and
 * the caller's contact data when they agree to it.
 */
export function RegisterForm({ categories, city, onRegistered }: RegisterFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const problemText = useFieldProblemText();
  const register = useRegisterIssue();
  const [slug, setSlug] = useState('');
  const [address, setAddress] = useState('');
  const [location, setLocation] = useState<Location>();
  // One key per content sent; a change makes a new one (R1.10).
  const [idempotencyKey, setIdempotencyKey] = useState<string>();
  const category = categories.find((candidate) => candidate.slug === slug);
  const fields = useMemo(() => sortedFields(category?.fields ?? []), [category]);
  const names = useMemo(() => [...BASE_FIELDS, ...fields.map(controlName)], [fields]);
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(register.error, names, { localErrors });
  const placeText = usePlaceText(location, address);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const form = submittedValues(event);
    const channel = STAFF_CHANNELS.find((candidate) => candidate === form.text('channel'));
    const title = form.text('title').trim();
    const description = form.text('description').trim();
    const contact = { name: form.text('contact.name').trim(), email: form.text('contact.email').trim(), phone: form.text('contact.phone').trim() };
    const consent = form.checked('contact.consent');
    const { values, problems } = readFieldValues(fields, form);
    const errors: Partial<Record<string, string>> = {};
    if (!channel) errors.channel = t('console.register.chooseChannel');
    if (!category) errors.category = t('console.category.choose');
    if (title === '') errors.title = t('errors.required');
    if (description === '') errors.description = t('errors.required');
    if (category?.location_required && !location && address.trim() === '') errors.location = t('report.place.required');
    const givesContact = contact.name !== '' || contact.email !== '' || contact.phone !== '';
    if (givesContact && !consent) errors['contact.consent'] = t('errors.consent_required');
    for (const [name, problem] of Object.entries(problems)) {
      if (problem) errors[name] = problemText(problem);
    }
    if (!channel || !category || Object.keys(errors).length > 0) {
      setLocalErrors(errors);
      return;
    }
    setLocalErrors(undefined);
    const issue: NewIssue = {
      channel,
      category: category.slug,
      title,
      description,
      location: location ?? null,
      address: address.trim() === '' ? null : address.trim(),
      // The schema leaves the values untyped (any JSON per field).
      field_values: values as NewIssue['field_values'],
      contact: givesContact
        ? { name: contact.name || null, email: contact.email || null, phone: contact.phone || null, consent }
        : null,
      language: LANGUAGES.find((candidate) => candidate === form.text('language')) ?? 'pl',
    };
    const key = idempotencyKey ?? randomUuid();
    setIdempotencyKey(key);
    register.mutate({ issue, idempotencyKey: key }, { onSuccess: onRegistered });
  };

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onChange={() => {
        setIdempotencyKey(undefined);
      }}
      noValidate
      className="form register-form"
    >
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <ChoiceGroup
        type="radio"
        name="channel"
        legend={t('console.register.channel')}
        error={fieldError('channel')}
        choices={STAFF_CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
      />
      <SelectField
        name="category"
        label={t('issue.category')}
        value={slug}
        error={fieldError('category')}
        onChange={(event) => {
          setSlug(event.target.value);
        }}
        options={[
          { value: '', label: t('console.category.chooseOption') },
          ...categories.map((candidate) => ({ value: candidate.slug, label: inLanguage(language, candidate.name_pl, candidate.name_en) })),
        ]}
      />
      <TextField name="title" label={t('report.details.title')} maxLength={200} error={fieldError('title')} />
      <TextAreaField name="description" label={t('report.details.description')} maxLength={5000} error={fieldError('description')} />
      {fields.map((field) => (
        <DynamicField key={`${slug}-${field.key}`} field={field} value={undefined} error={fieldError(controlName(field))} />
      ))}
      <fieldset>
        <legend>{t('issue.place')}</legend>
        <AddressCombobox
          name="address"
          label={t('report.place.address')}
          hint={t('console.register.placeHint')}
          error={fieldError('location') ?? fieldError('address')}
          value={address}
          onInput={(text) => {
            setAddress(text);
            setLocation(undefined);
          }}
          onSelect={(found) => {
            setAddress(found.label);
            setLocation({ lat: found.lat, lon: found.lon });
          }}
        />
        <p role="status" className="place-chosen">
          {placeText}
        </p>
        {city && (
          <PlaceMap
            city={city}
            location={location}
            onPick={(picked) => {
              setLocation(picked);
              setAddress('');
              setIdempotencyKey(undefined);
            }}
          />
        )}
      </fieldset>
      <fieldset>
        <legend>{t('console.register.contact')}</legend>
        <p className="field__hint">{t('console.register.contactHint')}</p>
        <TextField name="contact.name" label={t('report.contact.name')} optional maxLength={200} error={fieldError('contact.name')} />
        <TextField name="contact.email" type="email" label={t('report.contact.email')} optional error={fieldError('contact.email')} />
        <TextField name="contact.phone" type="tel" label={t('report.contact.phone')} optional error={fieldError('contact.phone')} />
        <CheckboxField name="contact.consent" label={t('console.register.consent')} error={fieldError('contact.consent')} />
        <SelectField
          name="language"
          label={t('console.register.language')}
          defaultValue={language}
          options={LANGUAGES.map((candidate) => ({ value: candidate, label: t(`console.register.languages.${candidate}`) }))}
        />
      </fieldset>
      <div className="form__actions">
        <button type="submit" disabled={register.isPending}>
          {t('console.register.submit')}
        </button>
      </div>
    </form>
  );
}
