import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import type { App } from '../api/apps';
import { activeKeys, SCOPE_LABELS } from '../utils/apps';
import { EnabledState } from './enable-switch';

export function AppTable({ apps }: { apps: App[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('admin.apps.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.apps.name')}</th>
            <th scope="col">{t('admin.apps.contact')}</th>
            <th scope="col">{t('admin.apps.scopesColumn')}</th>
            <th scope="col">{t('admin.apps.rateLimit')}</th>
            <th scope="col">{t('admin.apps.state')}</th>
            <th scope="col">{t('admin.apps.activeKeys')}</th>
          </tr>
        </thead>
        <tbody>
          {apps.map((app) => (
            <tr key={app.id}>
              <th scope="row">
                <Link to={paths.adminApp(app.id)}>{app.name}</Link>
              </th>
              <td>{app.contact_email}</td>
              <td>{app.scopes.length ? app.scopes.map((scope) => t(SCOPE_LABELS[scope])).join(', ') : t('admin.apps.noScopes')}</td>
              <td>{t('admin.apps.perMinute', { count: app.rate_limit_per_minute })}</td>
              <td>
                <EnabledState disabledAt={app.disabled_at} />
              </td>
              <td>{activeKeys(app.keys).length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
