import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/form';
import { LANGUAGES } from '@/config/languages';

/** The language of the person's mail (and of the service after logging in). */
export function LanguageField({ defaultValue, error }: { defaultValue: string; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <SelectField
      name="language"
      label={t('account.fields.language')}
      hint={t('account.fields.languageHint')}
      defaultValue={defaultValue}
      error={error}
      options={LANGUAGES.map((language) => ({ value: language, label: t('language.name', { lng: language }) }))}
    />
  );
}
