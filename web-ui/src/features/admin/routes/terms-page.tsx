import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { FormFeedback, FormSuccess, submittedValues, TextAreaField, TextField, useFormErrors } from '@/components/form';
import { Page } from '@/components/page';
import { Section } from '@/components/section';
import { LoadError, Loading } from '@/components/status';
import { TermsText } from '@/components/terms-text';
import { toInstant } from '@/lib/date-input';
import { usePublishTerms, useTermsVersions, type NewTerms } from '../api/administration';
import { AdminNav } from '../components/admin-nav';

const FIELDS = ['version', 'published_at', 'body_pl', 'body_en'] as const;
const PROBLEM_FIELDS = { version_exists: 'version' };

function TermsVersions() {
  const { t } = useTranslation();
  const versions = useTermsVersions();
  const [now] = useState(() => Date.now());
  if (versions.isPending) return <Loading />;
  if (versions.isError) return <LoadError onRetry={() => void versions.refetch()} />;
  if (versions.data.length === 0) return <p>{t('admin.terms.none')}</p>;
  // Newest first: the first one already published is in force.
  const inForce = versions.data.find((terms) => Date.parse(terms.published_at) <= now)?.version;
  return (
    <ul className="terms-list">
      {versions.data.map((terms) => (
        <li key={terms.version}>
          <details>
            <summary>
              {t('terms.version', { version: terms.version })} <DateTime value={terms.published_at} />
              {terms.version === inForce && ` – ${t('admin.terms.inForce')}`}
              {Date.parse(terms.published_at) > now && ` – ${t('admin.terms.scheduled')}`}
            </summary>
            <h3 lang="pl">{t('language.name', { lng: 'pl' })}</h3>
            <TermsText body={terms.body_pl} label={t('terms.textLabel', { version: terms.version })} />
            <h3 lang="en">{t('language.name', { lng: 'en' })}</h3>
            <TermsText body={terms.body_en} label={t('terms.textLabel', { version: terms.version })} />
          </details>
        </li>
      ))}
    </ul>
  );
}

function PublishTermsForm() {
  const { t } = useTranslation();
  const publish = usePublishTerms();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(publish.error, FIELDS, { problemFields: PROBLEM_FIELDS });
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const values = submittedValues(event);
    const terms: NewTerms = {
      version: values.text('version').trim(),
      published_at: toInstant(values.text('published_at')),
      body_pl: values.text('body_pl'),
      body_en: values.text('body_en'),
    };
    publish.mutate(terms, { onSuccess: () => { form.reset(); } });
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      {publish.isSuccess && (
        <FormSuccess>
          <p>{t('admin.terms.published')}</p>
        </FormSuccess>
      )}
      <TextField name="version" label={t('admin.terms.versionField')} hint={t('admin.terms.versionHint')} error={fieldError('version')} />
      <TextField
        type="datetime-local"
        name="published_at"
        label={t('admin.terms.publishedAt')}
        hint={t('admin.terms.publishedAtHint')}
        error={fieldError('published_at')}
      />
      <TextAreaField name="body_pl" lang="pl" label={t('admin.terms.bodyPl')} rows={10} error={fieldError('body_pl')} />
      <TextAreaField name="body_en" lang="en" label={t('admin.terms.bodyEn')} rows={10} error={fieldError('body_en')} />
      <button type="submit" disabled={publish.isPending}>
        {t('admin.terms.submit')}
      </button>
    </form>
  );
}

export function TermsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('admin.terms.title')}>
      <AdminNav />
      <Section title={t('admin.terms.versions')}>
        <TermsVersions />
      </Section>
      <Section title={t('admin.terms.publish')}>
        <PublishTermsForm />
      </Section>
    </Page>
  );
}
