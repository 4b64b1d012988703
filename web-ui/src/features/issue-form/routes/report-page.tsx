import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/components/coming-soon';

export function ReportPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('report.title')} intro={t('report.intro')} />;
}
