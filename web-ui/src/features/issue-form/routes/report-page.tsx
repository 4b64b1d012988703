import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { useCategories, useCity } from '@/lib/issues/queries';
import { FormNotices } from '../components/form-notices';
import { ReportWizard } from '../components/report-wizard';

export function ReportPage() {
  const { t } = useTranslation();
  const categories = useCategories();
  const city = useCity();
  return (
    <Page title={t('report.title')}>
      <p className="lead">{t('report.intro')}</p>
      <FormNotices />
      {categories.isPending && <Loading />}
      {categories.isError && <LoadError onRetry={() => void categories.refetch()} />}
      {categories.data && <ReportWizard categories={categories.data} city={city.data} />}
    </Page>
  );
}
