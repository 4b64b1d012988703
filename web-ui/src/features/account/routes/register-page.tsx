import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useCurrentTerms } from '../api/terms';
import { RegisterForm } from '../components/register-form';

export function RegisterPage() {
  const { t } = useTranslation();
  const terms = useCurrentTerms();
  return (
    <Page title={t('register.title')}>
      <p className="lead">{t('register.intro')}</p>
      {terms.isPending && <Loading />}
      {terms.isError &&
        (terms.error instanceof ApiError && terms.error.status === 404 ? (
          <p className="notice">{t('register.noTerms')}</p>
        ) : (
          <LoadError onRetry={() => void terms.refetch()} />
        ))}
      {terms.data && <RegisterForm terms={terms.data} />}
      <p>
        {t('register.haveAccount')} <Link to={paths.login}>{t('register.loginLink')}</Link>
      </p>
    </Page>
  );
}
