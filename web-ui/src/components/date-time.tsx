import { useTranslation } from 'react-i18next';

/** Dates are shown in the city's time, whatever the reader's clock says. */
const TIME_ZONE = 'Europe/Warsaw';

/** A date (and time) from the API, formatted for the current language. */
export function DateTime({ value, dateOnly = false }: { value: string; dateOnly?: boolean }) {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, {
    dateStyle: 'long',
    timeStyle: dateOnly ? undefined : 'short',
    timeZone: TIME_ZONE,
  });
  return <time dateTime={value}>{format.format(new Date(value))}</time>;
}
