import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { UnitList } from '../components/unit-list';

export function UnitsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('units.title')}>
      <p className="lead">{t('units.intro')}</p>
      <UnitList />
    </Page>
  );
}
