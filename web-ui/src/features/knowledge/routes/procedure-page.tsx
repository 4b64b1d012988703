import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';

export function ProcedurePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <Page title={t('procedures.detailTitle')}>
      <p className="lead">{t('procedures.detailIntro', { id })}</p>
      <p className="notice">{t('common.comingSoon')}</p>
      <p>
        <Link to={paths.procedures}>{t('procedures.backToList')}</Link>
      </p>
    </Page>
  );
}
