import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert, FormSuccess } from '@/components/form';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { useCurrentTerms } from '../api/terms';
import { InvitationForm } from '../components/invitation-form';

/** Opened from a staff invitation: sets the password and accepts the terms. */
export function InvitationPage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const terms = useCurrentTerms();
  const [accepted, setAccepted] = useState(false);

  let content;
  if (accepted) {
    content = (
      <FormSuccess>
        <p>{t('invitation.done')}</p>
        <p>
          <Link to={paths.login}>{t('invitation.login')}</Link>
        </p>
      </FormSuccess>
    );
  } else if (token === '') {
    content = (
      <FormAlert>
        <p>{t('errors.invalid_token')}</p>
      </FormAlert>
    );
  } else if (terms.isPending) {
    content = <Loading />;
  } else if (terms.isError) {
    content = <LoadError onRetry={() => void terms.refetch()} />;
  } else {
    content = (
      <InvitationForm
        token={token}
        terms={terms.data}
        onAccepted={() => {
          setAccepted(true);
        }}
      />
    );
  }

  return (
    <Page title={t('invitation.title')}>
      {!accepted && <p className="lead">{t('invitation.intro')}</p>}
      {content}
    </Page>
  );
}
