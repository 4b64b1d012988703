import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, SelectField, submittedValues, TextAreaField, useFormErrors } from '@/components/form';
import type { StaffIssue } from '@/lib/issues/staff';
import { useTransfer } from '../api/issue';
import type { Unit } from '../api/queue';

const FIELDS = ['unit', 'note'] as const;
const NOTE_MAX = 5000;

type TransferFormProps = {
  issue: StaffIssue;
  units: readonly Unit[];
  /** Called with the receiving unit once the issue is there. */
  onTransferred: (unit: Unit) => void;
};

/**
 * Sending a new issue to the competent unit (R3.2); it stays New and its deadline runs on. An
 * issue waiting in the contact centre's queue is forwarded the same way, to its own unit too.
 */
export function TransferForm({ issue, units, onTransferred }: TransferFormProps) {
  const { t } = useTranslation();
  const transfer = useTransfer(issue.number);
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(transfer.error, FIELDS, { localErrors });
  const targets = units.filter((unit) => issue.awaiting_dispatch || unit.id !== issue.unit.id);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    const values = submittedValues(event);
    const unit = targets.find((candidate) => candidate.slug === values.text('unit'));
    if (!unit) {
      setLocalErrors({ unit: t('console.bulk.chooseUnit') });
      return;
    }
    setLocalErrors(undefined);
    const note = values.text('note').trim();
    transfer.mutate(
      { unit: unit.slug, note: note === '' ? null : note },
      {
        onSuccess: () => {
          onTransferred(unit);
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <SelectField
        name="unit"
        label={t('console.transfer.unit')}
        error={fieldError('unit')}
        defaultValue=""
        options={[
          { value: '', label: t('console.bulk.chooseUnitOption') },
          ...targets.map((unit) => ({ value: unit.slug, label: unit.name })),
        ]}
      />
      <TextAreaField
        name="note"
        rows={3}
        label={t('console.transfer.note')}
        hint={t('console.transfer.noteHint')}
        optional
        maxLength={NOTE_MAX}
        error={fieldError('note')}
      />
      <div className="form__actions">
        <button type="submit" disabled={transfer.isPending}>
          {t('console.transfer.submit')}
        </button>
      </div>
    </form>
  );
}
