import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import { inboxQueryOptions, signOut, useAuth } from '@/lib/auth';

/** The header's account links: log in and register, or the person, their inbox and log out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { status, profile } = useAuth();
  const inbox = useQuery({ ...inboxQueryOptions(), enabled: status === 'authenticated' });
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);

  if (status === 'restoring') {
    return null;
  }

  if (status === 'anonymous') {
    return (
      <nav aria-label={t('userMenu.label')}>
        <ul className="user-menu">
          <li>
            <Link to={paths.login}>{t('userMenu.login')}</Link>
          </li>
          <li>
            <Link to={paths.register}>{t('userMenu.register')}</Link>
          </li>
        </ul>
      </nav>
    );
  }

  const logout = () => {
    setLeaving(true);
    void signOut().finally(() => {
      setLeaving(false);
      void navigate(paths.map);
    });
  };

  const unread = inbox.data?.unread ?? 0;
  return (
    <nav aria-label={t('userMenu.label')}>
      <ul className="user-menu">
      <li>
        <Link to={paths.account}>{profile ? `${profile.first_name} ${profile.last_name}` : t('userMenu.account')}</Link>
      </li>
      <li>
        <Link to={paths.myIssues}>{t('userMenu.myIssues')}</Link>
      </li>
      <li>
        <Link to={paths.inbox}>
          {t('userMenu.inbox')}
          {unread > 0 && <span className="badge">{t('userMenu.unread', { count: unread })}</span>}
        </Link>
      </li>
      <li>
        <button type="button" className="link-button" onClick={logout} disabled={leaving}>
          {t('userMenu.logout')}
        </button>
      </li>
      </ul>
    </nav>
  );
}
