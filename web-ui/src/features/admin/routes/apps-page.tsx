import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '@/components/page';
import { Section } from '@/components/section';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useApps, useCreateApp } from '../api/apps';
import { AdminNav } from '../components/admin-nav';
import { AppForm } from '../components/app-form';
import { AppTable } from '../components/app-table';

/** The apps that may use the API with keys, and registering another. */
export function AppsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const apps = useApps();
  const create = useCreateApp();
  return (
    <Page title={t('admin.apps.title')}>
      <AdminNav />
      <p className="lead">{t('admin.apps.intro')}</p>
      {apps.isPending && <Loading />}
      {apps.isError && <LoadError onRetry={() => void apps.refetch()} />}
      {apps.data && (apps.data.length === 0 ? <p>{t('admin.apps.empty')}</p> : <AppTable apps={apps.data} />)}
      <Section title={t('admin.apps.newTitle')}>
        <AppForm
          save={create}
          onSaved={(app) => {
            // Its page is where its first key is issued.
            void navigate(paths.adminApp(app.id), { state: { created: app.name } });
          }}
        />
      </Section>
    </Page>
  );
}
