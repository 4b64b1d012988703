import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import type { components } from '@/lib/api/schema';
import { useCategories, useCity } from '@/lib/issues/queries';
import { RegisterForm } from '../components/register-form';
import { Registered } from '../components/registered';

type IssueCreated = components['schemas']['IssueCreated'];

/** Registering a caller's issue: `/console/new`. */
export function NewIssuePage() {
  const { t } = useTranslation();
  const categories = useCategories();
  const city = useCity();
  const [created, setCreated] = useState<IssueCreated>();
  // A new form after each registration: nothing of the last caller stays in it.
  const [round, setRound] = useState(0);

  return (
    <Page title={t('console.register.title')}>
      <p className="lead">{t('console.register.intro')}</p>
      <p>
        <Link to={paths.console}>{t('console.backToQueue')}</Link>
      </p>
      {created ? (
        <Registered
          created={created}
          onAnother={() => {
            setCreated(undefined);
            setRound((current) => current + 1);
          }}
        />
      ) : categories.isPending ? (
        <Loading />
      ) : categories.isError ? (
        <LoadError onRetry={() => void categories.refetch()} />
      ) : (
        <RegisterForm key={round} categories={categories.data} city={city.data} onRegistered={setCreated} />
      )}
    </Page>
  );
}
