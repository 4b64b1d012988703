import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import { useAllCategories, useCreateCategory } from '../api/categories';
import { AdminNav } from '../components/admin-nav';
import { CategoryForm } from '../components/category-form';

/** Positions go in tens, so a category can later be put between two others. */
const POSITION_STEP = 10;

export function NewCategoryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const create = useCreateCategory();
  const categories = useAllCategories();
  // By default a new category goes to the end of the list.
  const last = Math.max(0, ...(categories.data ?? []).map((category) => category.position));
  return (
    <Page title={t('admin.categories.newTitle')}>
      <AdminNav />
      <p>
        <Link to={paths.adminCategories}>{t('admin.categories.back')}</Link>
      </p>
      {categories.isPending && <Loading />}
      {categories.isError && <LoadError onRetry={() => void categories.refetch()} />}
      {categories.data && (
        <CategoryForm
          save={create}
          defaultPosition={last + POSITION_STEP}
          onSaved={(category) => {
            void navigate(paths.adminCategories, {
              state: { created: inLanguage(language, category.name_pl, category.name_en) },
            });
          }}
        />
      )}
    </Page>
  );
}
