import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p className="lead">{t('notFound.text')}</p>
      <p>
        <Link to={paths.map}>{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
