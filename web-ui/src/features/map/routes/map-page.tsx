import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/components/coming-soon';

export function MapPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('map.title')} intro={t('map.intro')} />;
}
