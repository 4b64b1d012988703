import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, useFormErrors } from '@/components/form';
import { FieldValueList } from '@/components/issues/field-value-list';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import type { Category } from '@/lib/issues/types';
import { givesContact, type Draft } from '../utils/draft';
import { elsewhereThan, type StepId } from '../utils/steps';
import { StepForm, type StepPosition } from './step-form';

const NO_FIELDS = [] as const;
const ELSEWHERE = elsewhereThan('summary');

type SummaryStepProps = {
  draft: Draft;
  category: Category | undefined;
  position: StepPosition;
  serverError: unknown;
  pending: boolean;
  onEdit: (step: StepId) => void;
  onSubmit: () => void;
  onBack: () => void;
};

/** The last step: everything entered, each part with a way back to change it, and sending. */
export function SummaryStep({ draft, category, position, serverError, pending, onEdit, onSubmit, onBack }: SummaryStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { formRef, formError } = useFormErrors(serverError, NO_FIELDS, { elsewhere: ELSEWHERE });
  const { place, contact } = draft;

  const row = (label: string, value: string, step: StepId) => (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>
        <span className="summary__value">{value}</span>{' '}
        <button
          type="button"
          className="link-button"
          aria-label={t('report.summary.change', { what: label })}
          onClick={() => {
            onEdit(step);
          }}
        >
          {t('report.summary.changeShort')}
        </button>
      </dd>
    </div>
  );

  let placeText = t('report.place.none');
  if (place.address.trim() !== '') {
    placeText = place.address;
  } else if (place.location) {
    placeText = t('report.summary.point', { lat: place.location.lat.toFixed(5), lon: place.location.lon.toFixed(5) });
  }

  return (
    <StepForm
      title={t('report.steps.summary')}
      position={position}
      formRef={formRef}
      onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
        event.preventDefault();
        onSubmit();
      }}
      onBack={onBack}
      pending={pending}
      submitLabel={pending ? t('common.sending') : t('report.summary.submit')}
    >
      <FormFeedback formError={formError} hasFieldErrors={false} />
      <p>{t('report.summary.intro')}</p>
      <dl className="details summary">
        {row(t('report.summary.category'), category ? inLanguage(language, category.name_pl, category.name_en) : '', 'category')}
        {row(t('report.summary.place'), placeText, 'place')}
        {row(t('report.details.title'), draft.title, 'details')}
        {row(t('report.details.description'), draft.description, 'details')}
        <FieldValueList fields={category?.fields} values={draft.fieldValues} />
        {row(t('report.summary.photos'), t('report.summary.photoCount', { count: draft.photos.length }), 'photos')}
        {row(
          t('report.summary.contact'),
          givesContact(contact)
            ? [contact.name, contact.email, contact.phone].filter((value) => value.trim() !== '').join(', ')
            : t('report.summary.noContact'),
          'contact',
        )}
      </dl>
    </StepForm>
  );
}
