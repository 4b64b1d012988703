import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import { useAllCategories, useUpdateCategory } from '../api/categories';
import { AdminNav } from '../components/admin-nav';
import { CategoryForm } from '../components/category-form';

/** One category's editor (the API has no single-category read: it is taken from the full list). */
export function CategoryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const slug = useParams().slug ?? '';
  const categories = useAllCategories();
  const update = useUpdateCategory(slug);
  const category = categories.data?.find((item) => item.slug === slug);
  const title = category
    ? t('admin.categories.editTitle', { name: inLanguage(language, category.name_pl, category.name_en) })
    : t('admin.categories.title');
  return (
    <Page title={title}>
      <AdminNav />
      <p>
        <Link to={paths.adminCategories}>{t('admin.categories.back')}</Link>
      </p>
      {categories.isPending && <Loading />}
      {categories.isError && <LoadError onRetry={() => void categories.refetch()} />}
      {categories.data && !category && <p className="notice">{t('admin.categories.notFound')}</p>}
      {category && <CategoryForm key={category.id} category={category} save={update} />}
    </Page>
  );
}
