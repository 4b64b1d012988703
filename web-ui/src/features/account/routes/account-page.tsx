import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { useAuth } from '@/lib/auth';
import { AccountNav } from '../components/account-nav';
import { DeleteAccountForm } from '../components/delete-account-form';
import { EmailForm } from '../components/email-form';
import { MyDataSection } from '../components/my-data-section';
import { NotificationSettingsForm } from '../components/notification-settings-form';
import { PasswordForm } from '../components/password-form';
import { ProfileForm } from '../components/profile-form';
import { Section } from '@/components/section';
import { TotpSection } from '../components/totp-section';

export function AccountPage() {
  const { t } = useTranslation();
  const { profile, profileFailed, reloadProfile } = useAuth();
  return (
    <Page title={t('account.title')}>
      <AccountNav />
      {profile ? (
        <>
          {profile.roles.length > 0 && (
            <p>
              {t('account.roles')}{' '}
              {profile.roles.map((grant) => t(`roles.${grant.role}`)).join(', ')}
            </p>
          )}
          <Section title={t('profile.title')}>
            <ProfileForm profile={profile} />
          </Section>
          <Section title={t('emailChange.title')}>
            <EmailForm profile={profile} />
          </Section>
          <Section title={t('changePassword.title')}>
            <PasswordForm />
          </Section>
          {profile.roles.length > 0 && (
            <Section title={t('notifications.title')}>
              <NotificationSettingsForm />
            </Section>
          )}
          <Section title={t('totp.title')}>
            <TotpSection profile={profile} />
          </Section>
          <Section title={t('myData.title')}>
            <MyDataSection />
          </Section>
          <Section title={t('deleteAccount.title')}>
            <DeleteAccountForm />
          </Section>
        </>
      ) : profileFailed ? (
        <LoadError onRetry={reloadProfile} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
