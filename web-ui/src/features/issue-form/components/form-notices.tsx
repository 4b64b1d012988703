import { useTranslation } from 'react-i18next';

/** What the form must say before anything is filed (R1.8): not for emergencies; unlawful content is removed. */
export function FormNotices() {
  const { t } = useTranslation();
  return (
    <div className="notice report-notices">
      <p>
        <strong>{t('report.notices.emergencyTitle')}</strong> {t('report.notices.emergency')}
      </p>
      <p>{t('report.notices.unlawful')}</p>
    </div>
  );
}
