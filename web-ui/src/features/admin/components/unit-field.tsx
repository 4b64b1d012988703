import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/form';
import { useUnits } from '../api/administration';

/** Chooses the unit of a unit-scoped role. */
export function UnitField({ error }: { error: string | undefined }) {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <SelectField
      name="unit_id"
      label={t('admin.roles.unit')}
      error={error ?? (units.isError ? t('common.loadError') : undefined)}
      required
      options={[
        { value: '', label: units.isPending ? t('common.loading') : t('admin.roles.chooseUnit') },
        ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
      ]}
    />
  );
}

/** The name of a unit, by id. */
export function useUnitName(): (id: string | null | undefined) => string | undefined {
  const units = useUnits();
  return (id) => (id ? (units.data?.find((unit) => unit.id === id)?.name ?? id) : undefined);
}
