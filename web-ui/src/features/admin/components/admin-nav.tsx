import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/config/paths';

const items = [
  { to: paths.adminUsers, label: 'admin.nav.users' },
  { to: paths.adminCategories, label: 'admin.nav.categories' },
  { to: paths.adminInvite, label: 'admin.nav.invite' },
  { to: paths.adminTerms, label: 'admin.nav.terms' },
  { to: paths.adminAnnouncements, label: 'admin.nav.announcements' },
  { to: paths.adminAccessLog, label: 'admin.nav.accessLog' },
  { to: paths.adminApps, label: 'admin.nav.apps' },
  { to: paths.adminWebhooks, label: 'admin.nav.webhooks' },
] as const;

export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav className="sub-nav" aria-label={t('admin.nav.label')}>
      <ul>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to}>{t(item.label)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
