import type { SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, submittedValues, TextAreaField, useFormErrors } from '@/components/form';
import { useBlock, useUnblock, type AccountSummary } from '../api/accounts';

const FIELDS = ['reason'] as const;
const NO_FIELDS = [] as const;

/** Blocking takes effect at once (the person's sessions end); a reason is recorded. */
export function BlockSection({ account }: { account: AccountSummary }) {
  const { t } = useTranslation();
  const block = useBlock(account.id);
  const unblock = useUnblock(account.id);
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(block.error, FIELDS);
  const { formError: unblockError } = useFormErrors(unblock.error, NO_FIELDS);

  if (account.blocked) {
    return (
      <>
        <p className="notice">
          {t('admin.block.isBlocked')} {account.blocked_reason && t('admin.block.reasonWas', { reason: account.blocked_reason })}
        </p>
        <FormFeedback formError={unblockError} hasFieldErrors={false} />
        <button type="button" onClick={() => { unblock.mutate(); }} disabled={unblock.isPending}>
          {t('admin.block.unblock')}
        </button>
      </>
    );
  }

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    block.mutate(submittedValues(event).text('reason'));
  };
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="form">
      <p>{t('admin.block.text')}</p>
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <TextAreaField name="reason" label={t('admin.block.reason')} rows={3} error={fieldError('reason')} />
      <button type="submit" className="danger" disabled={block.isPending}>
        {t('admin.block.submit')}
      </button>
    </form>
  );
}
