import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <nav aria-label={t('footer.navLabel')}>
          <ul className="site-footer__links">
            <li>
              <Link to={paths.stats}>{t('footer.stats')}</Link>
            </li>
          </ul>
        </nav>
        <p>{t('footer.about')}</p>
        <p>{t('footer.emergency')}</p>
      </div>
    </footer>
  );
}
