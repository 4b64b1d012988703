import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { LanguageSwitcher } from '../language-switcher';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';

export function Header() {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <div className="brand">
          <Link to={paths.map} className="brand__name">
            {t('app.name')}
          </Link>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </div>
        <div className="site-header__tools">
          <UserMenu />
          <LanguageSwitcher />
        </div>
      </div>
      <MainNav />
    </header>
  );
}
