import { useTranslation } from 'react-i18next';

/** Recovery codes, shown once: the only way in when the authenticator is lost. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="recovery-codes">
      <p className="notice">{t('recovery.warning')}</p>
      <ul aria-label={t('recovery.label')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
