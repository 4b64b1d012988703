import { useTranslation } from 'react-i18next';
import { ComingSoon } from '@/components/coming-soon';

export function LoginPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('login.title')} intro={t('login.intro')} />;
}
