import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, FormFeedback, SelectField, useFormErrors } from '@/components/form';
import { useBulkAction, type BulkAction, type BulkOutcome, type Unit } from '../api/queue';

const FIELDS = ['unit'] as const;

type BulkActionsProps = {
  selected: readonly string[];
  units: readonly Unit[];
  /** Called with the numbers that were done, so they can leave the selection. */
  onDone: (numbers: readonly string[]) => void;
};

/** What happened to each issue: a bulk action succeeds or fails issue by issue. */
function Outcomes({ action, outcomes }: { action: BulkAction['action']; outcomes: readonly BulkOutcome[] }) {
  const { t } = useTranslation();
  return (
    <ul className="bulk-outcomes">
      {outcomes.map((outcome) => (
        <li key={outcome.number} className={outcome.ok ? undefined : 'field__error'}>
          {outcome.ok
            ? t(`console.bulk.done.${action}`, { number: outcome.number })
            : t('console.bulk.failed', {
                number: outcome.number,
                reason: errorMessage(t, { code: outcome.code ?? 'unknown' }),
              })}
        </li>
      ))}
    </ul>
  );
}

/** Accepting or transferring the chosen issues at once (R10.1). */
export function BulkActions({ selected, units, onDone }: BulkActionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const bulk = useBulkAction();
  const [unit, setUnit] = useState('');
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(bulk.error, FIELDS, { localErrors });
  const none = selected.length === 0;

  const run = (action: BulkAction['action']) => {
    if (action === 'transfer' && unit === '') {
      setLocalErrors({ unit: t('console.bulk.chooseUnit') });
      return;
    }
    setLocalErrors(undefined);
    bulk.mutate(
      { numbers: [...selected], action, unit: action === 'transfer' ? unit : null },
      {
        onSuccess: (outcomes) => {
          onDone(outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.number));
        },
      },
    );
  };

  return (
    <form
      ref={formRef}
      className="bulk-actions"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        run('accept');
      }}
    >
      <h2 id={`${id}-title`} className="bulk-actions__title">
        {t('console.bulk.title')}
      </h2>
      <p role="status" className="status">
        {t('console.bulk.selected', { count: selected.length })}
      </p>
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <div className="bulk-actions__row">
        <button type="submit" disabled={none || bulk.isPending}>
          {t('console.bulk.accept')}
        </button>
        <SelectField
          label={t('console.bulk.unit')}
          value={unit}
          error={fieldError('unit')}
          onChange={(event) => {
            setUnit(event.target.value);
          }}
          options={[
            { value: '', label: t('console.bulk.chooseUnitOption') },
            ...units.map((candidate) => ({ value: candidate.slug, label: candidate.name })),
          ]}
        />
        <button
          type="button"
          className="secondary"
          disabled={none || bulk.isPending}
          onClick={() => {
            run('transfer');
          }}
        >
          {t('console.bulk.transfer')}
        </button>
      </div>
      <div role="status">{bulk.isSuccess && <Outcomes action={bulk.variables.action} outcomes={bulk.data} />}</div>
    </form>
  );
}
