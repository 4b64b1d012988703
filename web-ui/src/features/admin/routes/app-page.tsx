import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { FormSuccess } from '@/components/form';
import { Page } from '@/components/page';
import { Section } from '@/components/section';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useApp, useUpdateApp, type App } from '../api/apps';
import { AdminNav } from '../components/admin-nav';
import { AppForm } from '../components/app-form';
import { AppKeys } from '../components/app-keys';
import { EnabledState, EnableSwitch } from '../components/enable-switch';
import { activeKeys } from '../utils/apps';
import { doneName } from '../utils/location-state';

function AppDetails({ app }: { app: App }) {
  const { t } = useTranslation();
  return (
    <dl className="details">
      <dt>{t('admin.apps.state')}</dt>
      <dd>
        <EnabledState disabledAt={app.disabled_at} />
      </dd>
      <dt>{t('admin.apps.activeKeys')}</dt>
      <dd>{activeKeys(app.keys).length}</dd>
      <dt>{t('admin.apps.registeredAt')}</dt>
      <dd>
        <DateTime value={app.created_at} />
      </dd>
      <dt>{t('admin.apps.updatedAt')}</dt>
      <dd>
        <DateTime value={app.updated_at} />
      </dd>
    </dl>
  );
}

/** Disabling refuses all the app's keys at once without revoking them; enabling restores them. */
function AppSwitch({ app }: { app: App }) {
  const { t } = useTranslation();
  const update = useUpdateApp(app.id);
  return (
    <EnableSwitch
      disabled={Boolean(app.disabled_at)}
      update={update}
      text={{ disable: t('admin.apps.disableText'), enable: t('admin.apps.enableText') }}
      label={{ disable: t('admin.apps.disable'), enable: t('admin.apps.enable') }}
    />
  );
}

/** One app: its state, its keys, its settings. */
export function AppPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const app = useApp(id);
  const update = useUpdateApp(id);
  const created = doneName(useLocation().state, 'created');
  return (
    <Page title={app.data ? t('admin.apps.appTitle', { name: app.data.name }) : t('admin.apps.title')}>
      <AdminNav />
      <p>
        <Link to={paths.adminApps}>{t('admin.apps.back')}</Link>
      </p>
      {app.isPending && <Loading />}
      {app.isError && <LoadError onRetry={() => void app.refetch()} />}
      {app.data && (
        <>
          {created && (
            <FormSuccess>
              <p>{t('admin.apps.registered', { name: created })}</p>
            </FormSuccess>
          )}
          <AppDetails app={app.data} />
          <Section title={t('admin.keys.title')}>
            <AppKeys app={app.data} />
          </Section>
          <Section title={t('admin.apps.editTitle')}>
            <AppForm key={app.data.id} app={app.data} save={update} />
          </Section>
          <Section title={t('admin.apps.availability')}>
            <AppSwitch app={app.data} />
          </Section>
        </>
      )}
    </Page>
  );
}
