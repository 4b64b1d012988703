import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { FormFeedback, useFormErrors } from '@/components/form';

const NO_FIELDS = [] as const;

type EnableSwitchProps = {
  disabled: boolean;
  update: {
    mutate: (change: { disabled: boolean }) => void;
    isPending: boolean;
    error: unknown;
  };
  /** What disabling does (shown while enabled) and what enabling does (shown while disabled). */
  text: { disable: string; enable: string };
  label: { disable: string; enable: string };
};

/** Switches something off without deleting it, or back on: an app's keys, a subscription's deliveries. */
export function EnableSwitch({ disabled, update, text, label }: EnableSwitchProps) {
  const { formError } = useFormErrors(update.error, NO_FIELDS);
  return (
    <>
      <p>{disabled ? text.enable : text.disable}</p>
      <FormFeedback formError={formError} hasFieldErrors={false} />
      <button
        type="button"
        className={disabled ? undefined : 'danger'}
        disabled={update.isPending}
        onClick={() => {
          update.mutate({ disabled: !disabled });
        }}
      >
        {disabled ? label.enable : label.disable}
      </button>
    </>
  );
}

/** Whether something is switched on, and since when it is not. */
export function EnabledState({ disabledAt }: { disabledAt: string | null | undefined }) {
  const { t } = useTranslation();
  if (!disabledAt) return t('admin.switch.enabled');
  return (
    <>
      {t('admin.switch.disabled')} ({t('admin.switch.since')} <DateTime value={disabledAt} />)
    </>
  );
}
