import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';
import { copyText } from '@/lib/clipboard';

type OneTimeSecretProps = {
  /** What was made ("New key kk_ab12cd34"). */
  title: string;
  /** The label of the secret's text field. */
  label: string;
  value: string;
  /** Hides the secret for good. */
  onDone: () => void;
};

/**
 * A secret the server shows only in the answer that made it (an API key, a signing secret):
 * marked, copyable, with the warning that it cannot be shown again. Focus moves to it, so it is
 * not missed.
 */
export function OneTimeSecret({ title, label, value, onDone }: OneTimeSecretProps) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [copied, setCopied] = useState<boolean>();
  return (
    <section className="one-time-secret" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <p className="alert">{t('admin.secret.warning')}</p>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="text" readOnly value={value} spellCheck={false} onFocus={(event) => { event.target.select(); }} />
      </div>
      <div className="form__actions">
        <button
          type="button"
          onClick={() => {
            void copyText(value, document.getElementById(id) as HTMLInputElement | null).then(setCopied);
          }}
        >
          {t('admin.secret.copy')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('admin.secret.done')}
        </button>
      </div>
      <p role="status" className="status">
        {copied === true && t('admin.secret.copied')}
        {copied === false && t('admin.secret.copyManually')}
      </p>
    </section>
  );
}
