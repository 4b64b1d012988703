import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '@/config/paths';

/** Moves between the person's own pages. */
export function AccountNav() {
  const { t } = useTranslation();
  return (
    <nav className="sub-nav" aria-label={t('account.navLabel')}>
      <ul>
        <li>
          <NavLink to={paths.account} end>
            {t('account.title')}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.myIssues}>{t('myIssues.title')}</NavLink>
        </li>
        <li>
          <NavLink to={paths.inbox}>{t('inbox.title')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
