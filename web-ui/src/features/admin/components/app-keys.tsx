import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { FormFeedback, FormSuccess, useFormErrors } from '@/components/form';
import { useIssueKey, useRevokeKey, useRotateKey, type App, type AppKey, type IssuedKey } from '../api/apps';
import { keyName } from '../utils/apps';
import { ConfirmAction } from './confirm-action';
import { OneTimeSecret } from './one-time-secret';

const NO_FIELDS = [] as const;

/** What the last action did: a key to show this once, or one revoked. */
type Outcome = { issued: IssuedKey; replaced?: AppKey } | { revoked: AppKey };

function KeyTable({ keys, actions }: { keys: AppKey[]; actions: (key: AppKey) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('admin.keys.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.keys.key')}</th>
            <th scope="col">{t('admin.keys.created')}</th>
            <th scope="col">{t('admin.keys.lastUsed')}</th>
            <th scope="col">{t('admin.keys.state')}</th>
            <th scope="col">{t('admin.keys.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <th scope="row">
                <code>{keyName(key)}</code>
              </th>
              <td>
                <DateTime value={key.created_at} />
              </td>
              <td>{key.last_used_at ? <DateTime value={key.last_used_at} /> : t('admin.keys.never')}</td>
              <td>
                {key.revoked_at ? (
                  <>
                    {t('admin.keys.revoked')} <DateTime value={key.revoked_at} />
                  </>
                ) : (
                  t('admin.keys.active')
                )}
              </td>
              <td>{key.revoked_at ? null : actions(key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * An app's keys: issuing one, rotating and revoking each. A new key is shown once, in this
 * component's state only: leaving the page loses it for good, as the server keeps only its hash.
 */
export function AppKeys({ app }: { app: App }) {
  const { t } = useTranslation();
  const issue = useIssueKey(app.id);
  const rotate = useRotateKey(app.id);
  const revoke = useRevokeKey(app.id);
  const [outcome, setOutcome] = useState<Outcome>();
  const issueRef = useRef<HTMLButtonElement>(null);
  const failed = issue.error ?? rotate.error ?? revoke.error;
  const { formError } = useFormErrors(failed, NO_FIELDS);
  const pending = issue.isPending || rotate.isPending || revoke.isPending;

  // Each action starts afresh: an earlier one's error or key is no longer shown.
  const start = () => {
    issue.reset();
    rotate.reset();
    revoke.reset();
    setOutcome(undefined);
  };

  const actions = (key: AppKey) => (
    <div className="form__actions">
      <button
        type="button"
        className="secondary"
        disabled={pending}
        aria-label={t('admin.keys.rotateNamed', { name: keyName(key) })}
        onClick={() => {
          start();
          rotate.mutate(key.id, { onSuccess: (issued) => { setOutcome({ issued, replaced: key }); } });
        }}
      >
        {t('admin.keys.rotate')}
      </button>
      <ConfirmAction
        label={t('admin.keys.revoke')}
        accessibleLabel={t('admin.keys.revokeNamed', { name: keyName(key) })}
        question={t('admin.keys.revokeQuestion', { name: keyName(key) })}
        confirmLabel={t('admin.keys.revokeConfirm')}
        pending={pending}
        onConfirm={() => {
          start();
          revoke.mutate(key.id, { onSuccess: (revoked) => { setOutcome({ revoked }); } });
        }}
      />
    </div>
  );

  return (
    <>
      <p>{t('admin.keys.intro')}</p>
      {app.disabled_at && <p className="notice">{t('admin.keys.appDisabled')}</p>}
      <FormFeedback formError={formError} hasFieldErrors={false} />
      {outcome && 'revoked' in outcome && (
        <FormSuccess>
          <p>{t('admin.keys.revokedDone', { name: keyName(outcome.revoked) })}</p>
        </FormSuccess>
      )}
      {outcome && 'issued' in outcome && (
        <>
          {outcome.replaced && (
            <FormSuccess>
              <p>{t('admin.keys.rotatedDone', { name: keyName(outcome.replaced) })}</p>
            </FormSuccess>
          )}
          <OneTimeSecret
            title={t('admin.keys.newKey', { name: keyName(outcome.issued) })}
            label={t('admin.keys.keyLabel')}
            value={outcome.issued.key}
            onDone={() => {
              setOutcome(undefined);
              issueRef.current?.focus();
            }}
          />
        </>
      )}
      <p>
        <button
          ref={issueRef}
          type="button"
          disabled={pending}
          onClick={() => {
            start();
            issue.mutate(undefined, { onSuccess: (issued) => { setOutcome({ issued }); } });
          }}
        >
          {t('admin.keys.issue')}
        </button>
      </p>
      {app.keys.length === 0 ? <p>{t('admin.keys.none')}</p> : <KeyTable keys={app.keys} actions={actions} />}
    </>
  );
}
