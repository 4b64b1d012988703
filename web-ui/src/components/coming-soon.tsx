import { useTranslation } from 'react-i18next';
import { Page } from './page';

type ComingSoonProps = {
  title: string;
  intro: string;
};

/** A page whose feature is not built yet: says what will be here. */
export function ComingSoon({ title, intro }: ComingSoonProps) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <p className="lead">{intro}</p>
      <p className="notice">{t('common.comingSoon')}</p>
    </Page>
  );
}
