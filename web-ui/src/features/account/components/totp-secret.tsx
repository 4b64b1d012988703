import { useTranslation } from 'react-i18next';
import type { TotpSetup } from '../api/login';

/** The secret to load into an authenticator app, as text to type or copy. */
export function TotpSecret({ setup }: { setup: TotpSetup }) {
  const { t } = useTranslation();
  return (
    <dl className="totp-secret">
      <dt>{t('totp.secret')}</dt>
      <dd>
        <code>{setup.secret}</code>
      </dd>
      <dt>{t('totp.url')}</dt>
      <dd>
        <code>{setup.otpauth_url}</code>
      </dd>
    </dl>
  );
}
