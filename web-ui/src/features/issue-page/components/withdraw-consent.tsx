import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, FormSuccess, useFormErrors } from '@/components/form';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';
import { useWithdrawConsent } from '../api/issue';

const NO_FIELDS = [] as const;

type Withdrawal = ReturnType<typeof useWithdrawConsent>;

/** The question before withdrawing; focus moves to it, since the button that opened it is gone. */
function ConfirmWithdrawal({ withdraw, onCancel }: { withdraw: Withdrawal; onCancel: () => void }) {
  const { t } = useTranslation();
  const warningId = useId();
  const warningRef = useFocusOnMount<HTMLParagraphElement>();
  const { formRef, formError } = useFormErrors(withdraw.error, NO_FIELDS);
  return (
    <form
      ref={formRef}
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        withdraw.mutate();
      }}
    >
      <FormFeedback formError={formError} hasFieldErrors={false} />
      <p className="alert" id={warningId} ref={warningRef} tabIndex={-1}>
        {t('tracking.withdrawWarning')}
      </p>
      <div className="form__actions">
        <button type="submit" className="danger" disabled={withdraw.isPending} aria-describedby={warningId}>
          {t('tracking.withdrawConfirm')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('tracking.withdrawCancel')}
        </button>
      </div>
    </form>
  );
}

/** Withdrawing the consent to keep contact data (GDPR art. 7(3)): asked to confirm, then done at once. */
export function WithdrawConsent({ token, hasContact }: { token: string; hasContact: boolean }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent(token);
  const [confirming, setConfirming] = useState(false);

  if (withdraw.isSuccess) {
    return (
      <FormSuccess>
        <p>{t('tracking.withdrawn')}</p>
      </FormSuccess>
    );
  }
  if (!hasContact) {
    return <p>{t('tracking.noContact')}</p>;
  }
  if (confirming) {
    return (
      <ConfirmWithdrawal
        withdraw={withdraw}
        onCancel={() => {
          setConfirming(false);
        }}
      />
    );
  }
  return (
    <>
      <p>{t('tracking.hasContact')}</p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setConfirming(true);
        }}
      >
        {t('tracking.withdraw')}
      </button>
    </>
  );
}
