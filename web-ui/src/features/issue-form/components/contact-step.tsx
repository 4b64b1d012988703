import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, FormFeedback, submittedValues, TextField, useFormErrors } from '@/components/form';
import { givesContact, type Contact } from '../utils/draft';
import { elsewhereThan } from '../utils/steps';
import { StepForm, type StepPosition } from './step-form';

const FIELDS = ['contact.name', 'contact.email', 'contact.phone', 'contact.consent'] as const;
const ELSEWHERE = elsewhereThan('contact');
/** Enough to catch a typo like a missing '@'; the server checks the address properly. */
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+$/;

type ContactStepProps = {
  contact: Contact;
  /** Logged-in reporters follow their issues in their account anyway. */
  loggedIn: boolean;
  position: StepPosition;
  serverError: unknown;
  onNext: (contact: Contact) => void;
  onBack: () => void;
};

/**
 * Step: optional contact data for follow-up. Personal data is never required (R1.1), and what is
 * given is kept only with an explicit consent: without the box ticked, the step does not go on.
 */
export function ContactStep({ contact, loggedIn, position, serverError, onNext, onBack }: ContactStepProps) {
  const { t } = useTranslation();
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(serverError, FIELDS, {
    localErrors,
    elsewhere: ELSEWHERE,
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const form = submittedValues(event);
    const next: Contact = {
      name: form.text('contact.name').trim(),
      email: form.text('contact.email').trim(),
      phone: form.text('contact.phone').trim(),
      consent: form.checked('contact.consent'),
    };
    const errors: Partial<Record<string, string>> = {};
    if (next.email !== '' && !LOOKS_LIKE_EMAIL.test(next.email)) errors['contact.email'] = t('errors.invalid_email');
    if (givesContact(next) && !next.consent) errors['contact.consent'] = t('errors.consent_required');
    if (Object.keys(errors).length > 0) {
      setLocalErrors(errors);
      return;
    }
    setLocalErrors(undefined);
    onNext(next);
  };

  return (
    <StepForm title={t('report.steps.contact')} position={position} formRef={formRef} onSubmit={onSubmit} onBack={onBack}>
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <p>{t('report.contact.intro')}</p>
      {loggedIn && <p className="notice">{t('report.contact.loggedIn')}</p>}
      <TextField name="contact.name" label={t('report.contact.name')} autoComplete="name" optional defaultValue={contact.name} error={fieldError('contact.name')} />
      <TextField
        type="email"
        name="contact.email"
        label={t('report.contact.email')}
        hint={t('report.contact.emailHint')}
        autoComplete="email"
        optional
        defaultValue={contact.email}
        error={fieldError('contact.email')}
      />
      <TextField type="tel" name="contact.phone" label={t('report.contact.phone')} autoComplete="tel" optional defaultValue={contact.phone} error={fieldError('contact.phone')} />
      <CheckboxField
        name="contact.consent"
        label={t('report.contact.consent')}
        hint={t('report.contact.consentHint')}
        defaultChecked={contact.consent}
        error={fieldError('contact.consent')}
      />
    </StepForm>
  );
}
