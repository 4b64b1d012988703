import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/components/form';
import { formErrorsOf } from '@/lib/api/field-errors';
import { useSupportIssue } from '@/lib/issues/support';

const NO_FIELDS: readonly string[] = [];

/** "Me too": a resident adds their support to an issue instead of filing it again (R1.6). */
export function SupportButton({ number, count }: { number: string; count: number }) {
  const { t } = useTranslation();
  const countId = useId();
  const support = useSupportIssue();
  const shown = support.data?.support_count ?? count;
  const failure = formErrorsOf(support.error, NO_FIELDS).form;
  return (
    <div className="support">
      <button
        type="button"
        className="secondary"
        aria-describedby={countId}
        disabled={support.isPending || support.isSuccess}
        onClick={() => {
          support.mutate(number);
        }}
      >
        {t('support.button')}
      </button>
      <span id={countId} className="support__count">
        {t('support.count', { count: shown })}
      </span>
      <span role="status" className="support__result">
        {support.isSuccess && (support.data.added ? t('support.added') : t('support.already'))}
        {failure && errorMessage(t, failure)}
      </span>
    </div>
  );
}
