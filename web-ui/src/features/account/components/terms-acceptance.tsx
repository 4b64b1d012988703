import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { CheckboxField } from '@/components/form';
import { TermsText } from '@/components/terms-text';
import type { Terms } from '../api/terms';

/** The terms in force, in the reader's language, and the box that accepts them. */
export function TermsAcceptance({ terms, error }: { terms: Terms; error: string | undefined }) {
  const { t, i18n } = useTranslation();
  const body = i18n.resolvedLanguage === 'en' ? terms.body_en : terms.body_pl;
  return (
    <fieldset className="terms-acceptance">
      <legend>{t('terms.legend')}</legend>
      <p className="field__hint">
        {t('terms.version', { version: terms.version })} <DateTime value={terms.published_at} dateOnly />
      </p>
      <TermsText body={body} label={t('terms.textLabel', { version: terms.version })} />
      <CheckboxField
        name="accept_terms"
        value={terms.version}
        label={t('terms.accept', { version: terms.version })}
        error={error}
      />
    </fieldset>
  );
}
