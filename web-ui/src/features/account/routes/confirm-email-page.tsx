import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { paths } from '@/config/paths';
import { useConfirmEmailChange } from '../api/registration';
import { TokenConfirmation } from '../components/token-confirmation';

/** Opened from the mail sent to a new address: makes it the login. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const confirmation = useConfirmEmailChange(token);
  return (
    <Page title={t('confirmEmail.title')}>
      <TokenConfirmation
        token={token}
        confirmation={confirmation}
        success={
          <>
            <p>{t('confirmEmail.done')}</p>
            <p>
              <Link to={paths.account}>{t('confirmEmail.account')}</Link>
            </p>
          </>
        }
        failureHelp={
          <p>
            <Link to={paths.account}>{t('confirmEmail.again')}</Link>
          </p>
        }
      />
    </Page>
  );
}
