import { useTranslation } from 'react-i18next';

/** A wait, politely announced. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="status">
      {label ?? t('common.loading')}
    </p>
  );
}

/** A failed load, announced, with a way to try again. */
export function LoadError({ message, onRetry }: { message?: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert">
      <p>{message ?? t('common.loadError')}</p>
      <button type="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
