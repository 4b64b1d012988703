import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';

/** Shown inside the shell when a page fails to render, so navigation keeps working. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Page title={t('routeError.title')}>
      <p className="lead" role="alert">
        {t('routeError.text')}
      </p>
      <p>
        <Link to={paths.map}>{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
