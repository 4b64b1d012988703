import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { FormSuccess } from '@/components/form';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useAllCategories } from '../api/categories';
import { AdminNav } from '../components/admin-nav';
import { CategoryTables } from '../components/category-table';
import { doneName } from '../utils/location-state';

/** Every category, inactive and scheduled ones too, with a way to add one. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const categories = useAllCategories();
  const created = doneName(useLocation().state, 'created');
  return (
    <Page title={t('admin.categories.title')}>
      <AdminNav />
      <p className="lead">{t('admin.categories.intro')}</p>
      {created && (
        <FormSuccess>
          <p>{t('admin.categories.created', { name: created })}</p>
        </FormSuccess>
      )}
      <p>
        <Link to={paths.adminNewCategory}>{t('admin.categories.new')}</Link>
      </p>
      {categories.isPending && <Loading />}
      {categories.isError && <LoadError onRetry={() => void categories.refetch()} />}
      {categories.data &&
        (categories.data.length === 0 ? <p>{t('admin.categories.empty')}</p> : <CategoryTables categories={categories.data} />)}
    </Page>
  );
}
