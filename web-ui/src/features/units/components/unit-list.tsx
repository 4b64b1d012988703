import { useTranslation } from 'react-i18next';
import { useUnits } from '@/lib/issues/queries';
import { UnitCard } from './unit-card';

export function UnitList() {
  const { t } = useTranslation();
  const units = useUnits();

  if (units.isPending) {
    return (
      <p role="status" className="status">
        {t('units.loading')}
      </p>
    );
  }

  if (units.isError) {
    return (
      <div role="alert" className="alert">
        <p>{t('units.error')}</p>
        <button type="button" onClick={() => void units.refetch()} disabled={units.isFetching}>
          {t('common.retry')}
        </button>
      </div>
    );
  }

  if (units.data.length === 0) {
    return <p className="status">{t('units.empty')}</p>;
  }

  return (
    <>
      <p className="status">{t('units.count', { count: units.data.length })}</p>
      <ul className="unit-list">
        {units.data.map((unit) => (
          <li key={unit.id}>
            <UnitCard unit={unit} />
          </li>
        ))}
      </ul>
    </>
  );
}
