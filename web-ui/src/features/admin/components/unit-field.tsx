import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/form';
import { useUnits } from '../api/administration';

type UnitFieldProps = {
  error: string | undefined;
  label?: string;
  hint?: string;
  defaultValue?: string;
};

/** Chooses a unit: of a unit-scoped role, or the one that handles a category. */
export function UnitField({ error, label, hint, defaultValue }: UnitFieldProps) {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <SelectField
      name="unit_id"
      label={label ?? t('admin.roles.unit')}
      hint={hint}
      defaultValue={defaultValue}
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
