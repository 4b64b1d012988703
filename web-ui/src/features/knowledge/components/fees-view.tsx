import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/hooks/use-language';
import type { Fees } from '../api/types';
import { formatPln } from '../utils/money';

/** The fees: a table of items (kind, amount in złoty, account, remarks), or "no fees". */
export function FeesView({ fees }: { fees: Fees }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (fees.kind === 'none' || fees.items.length === 0) {
    return <p>{t('knowledge.fees.none')}</p>;
  }
  return (
    <div className="table-wrap">
      <table className="table fees-table">
        <thead>
          <tr>
            <th scope="col">{t('knowledge.fees.kind')}</th>
            <th scope="col">{t('knowledge.fees.amount')}</th>
            <th scope="col">{t('knowledge.fees.account')}</th>
            <th scope="col">{t('knowledge.fees.remarks')}</th>
          </tr>
        </thead>
        <tbody>
          {fees.items.map((fee, index) => (
            <tr key={index}>
              <th scope="row">{fee.kind}</th>
              <td className="fees-table__amount">{formatPln(fee.amount_grosze, language)}</td>
              <td className="fees-table__account">{fee.account}</td>
              <td>{fee.remarks}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
