import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { loginPathFor, useAuth } from '@/lib/auth';
import { Page } from './page';
import { LoadError, Loading } from './status';

/** Pages for logged-in people: others are sent to the login page, and brought back after. */
export function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') {
    return <Loading />;
  }
  if (status === 'anonymous') {
    return <Navigate to={loginPathFor(paths.login, `${location.pathname}${location.search}`)} replace />;
  }
  return <Outlet />;
}

/** Administration pages: inside `RequireAuth`; anyone else learns they may not see them. */
export function RequireAdmin() {
  const { t } = useTranslation();
  const { profile, isAdmin, profileFailed, reloadProfile } = useAuth();
  if (profileFailed) {
    return <LoadError onRetry={reloadProfile} />;
  }
  if (!profile) {
    return <Loading />;
  }
  if (!isAdmin) {
    return (
      <Page title={t('forbidden.title')}>
        <p className="lead">{t('forbidden.text')}</p>
      </Page>
    );
  }
  return <Outlet />;
}
