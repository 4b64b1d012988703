import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '@/components/date-time';
import { paths } from '@/config/paths';
import type { AccountSummary } from '../api/accounts';

export function AccountTable({ accounts }: { accounts: AccountSummary[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('admin.users.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.users.name')}</th>
            <th scope="col">{t('account.fields.email')}</th>
            <th scope="col">{t('admin.users.roles')}</th>
            <th scope="col">{t('admin.users.status')}</th>
            <th scope="col">{t('admin.users.created')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id}>
              <th scope="row">
                <Link to={paths.adminUser(account.id)}>
                  {account.first_name} {account.last_name}
                </Link>
              </th>
              <td>{account.email}</td>
              <td>{account.roles.length ? account.roles.map((grant) => t(`roles.${grant.role}`)).join(', ') : t('roles.resident')}</td>
              <td>
                {account.blocked
                  ? t('admin.users.blocked')
                  : account.email_verified
                    ? t('admin.users.active')
                    : t('admin.users.unverified')}
              </td>
              <td>
                <DateTime value={account.created_at} dateOnly />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
