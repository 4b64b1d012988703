import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { FormFeedback, SelectField, submittedValues, useFormErrors } from '@/components/form';
import { useGrantRole, useRevokeRole, type AccountSummary } from '../api/accounts';
import { isRole, isUnitScoped, ROLES, type Role } from './roles';
import { UnitField, useUnitName } from './unit-field';

const FIELDS = ['role', 'unit_id'] as const;
const NO_FIELDS = [] as const;

function GrantRoleForm({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const grant = useGrantRole(accountId);
  const [role, setRole] = useState<Role>('operator');
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(grant.error, FIELDS);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const unit = submittedValues(event).text('unit_id');
    grant.mutate({ role, unit_id: isUnitScoped(role) && unit ? unit : null });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form" aria-label={t('admin.roles.grantTitle')}>
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <SelectField
        name="role"
        label={t('admin.roles.role')}
        value={role}
        onChange={(event) => {
          if (isRole(event.target.value)) setRole(event.target.value);
        }}
        error={fieldError('role')}
        options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
      />
      {isUnitScoped(role) && <UnitField error={fieldError('unit_id')} />}
      <button type="submit" disabled={grant.isPending}>
        {t('admin.roles.grant')}
      </button>
    </form>
  );
}

/** The account's roles, each revocable, and a form to grant one more. */
export function RoleGrants({ account }: { account: AccountSummary }) {
  const { t } = useTranslation();
  const revoke = useRevokeRole(account.id);
  const unitName = useUnitName();
  const { formError } = useFormErrors(revoke.error, NO_FIELDS);
  return (
    <>
      <FormFeedback formError={formError} hasFieldErrors={false} />
      {account.roles.length === 0 ? (
        <p>{t('admin.roles.none')}</p>
      ) : (
        <ul className="grant-list">
          {account.roles.map((grant) => {
            const name = [t(`roles.${grant.role}`), unitName(grant.unit_id)].filter(Boolean).join(' – ');
            return (
              <li key={grant.id}>
                <span>
                  {name} <span className="status">({t('admin.roles.since')} <DateTime value={grant.granted_at} dateOnly />)</span>
                </span>
                <button
                  type="button"
                  className="secondary"
                  disabled={revoke.isPending}
                  onClick={() => { revoke.mutate(grant.id); }}
                  aria-label={t('admin.roles.revokeNamed', { role: name })}
                >
                  {t('admin.roles.revoke')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <h3>{t('admin.roles.grantTitle')}</h3>
      <GrantRoleForm accountId={account.id} />
    </>
  );
}
