import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/components/coming-soon';

export function ProceduresPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('procedures.title')} intro={t('procedures.intro')} />;
}
