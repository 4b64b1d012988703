import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, FormFeedback, submittedValues, useFormErrors } from '@/components/form';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import type { Category } from '@/lib/issues/types';
import { elsewhereThan } from '../utils/steps';
import { StepForm, type StepPosition } from './step-form';

const FIELDS = ['category'] as const;
const ELSEWHERE = elsewhereThan('category');

type CategoryStepProps = {
  categories: readonly Category[];
  selected: string | undefined;
  position: StepPosition;
  serverError: unknown;
  onNext: (category: string) => void;
};

/** Categories under their groups, in list order. */
function grouped(categories: readonly Category[], language: 'pl' | 'en') {
  const groups = new Map<string, Category[]>();
  for (const category of [...categories].sort((a, b) => a.position - b.position)) {
    const group = inLanguage(language, category.group_pl, category.group_en);
    groups.set(group, [...(groups.get(group) ?? []), category]);
  }
  return [...groups];
}

/** Step 1: what the problem is, chosen from the categories grouped by theme. */
export function CategoryStep({ categories, selected, position, serverError, onNext }: CategoryStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError } = useFormErrors(serverError, FIELDS, {
    localErrors,
    elsewhere: ELSEWHERE,
  });
  const error = fieldError('category');
  const errorId = `${id}-error`;

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const category = submittedValues(event).text('category');
    if (!category) {
      setLocalErrors({ category: t('report.category.required') });
      return;
    }
    setLocalErrors(undefined);
    onNext(category);
  };

  return (
    <StepForm title={t('report.steps.category')} position={position} formRef={formRef} onSubmit={onSubmit}>
      <FormFeedback formError={formError} hasFieldErrors={false} />
      <p>{t('report.category.intro')}</p>
      {/* Focus moves here after a failed Next: the error concerns all the choices. */}
      {error && (
        <FormAlert>
          <p id={errorId}>{error}</p>
        </FormAlert>
      )}
      {grouped(categories, language).map(([group, members]) => (
        <fieldset key={group} className="choice-group category-group">
          <legend>{group}</legend>
          {members.map((category) => {
            const description = inLanguage(language, category.description_pl, category.description_en);
            const inputId = `${id}-${category.slug}`;
            const describedBy = [description ? `${inputId}-hint` : undefined, error ? errorId : undefined]
              .filter(Boolean)
              .join(' ');
            return (
              <div key={category.slug} className="checkbox-field category-choice">
                <input
                  type="radio"
                  id={inputId}
                  name="category"
                  value={category.slug}
                  defaultChecked={category.slug === selected}
                  required
                  aria-describedby={describedBy || undefined}
                />
                <div>
                  <label htmlFor={inputId}>
                    {inLanguage(language, category.name_pl, category.name_en)}
                    {category.kind !== 'problem' && <span className="category-choice__kind"> ({t(`categoryKind.${category.kind}`)})</span>}
                  </label>
                  {description && (
                    <p id={`${inputId}-hint`} className="field__hint">
                      {description}
                    </p>
                  )}
                </div>
              </div>
            );
          })}
        </fieldset>
      ))}
    </StepForm>
  );
}
