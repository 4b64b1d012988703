import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';
import type { components } from '@/lib/api/schema';

type IssueCreated = components['schemas']['IssueCreated'];

/** The registered issue: its number and, for a caller without an account, the tracking link to pass on. */
export function Registered({ created, onAnother }: { created: IssueCreated; onAnother: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const trackingUrl = created.tracking_url ?? (created.tracking_token ? new URL(paths.tracking(created.tracking_token), window.location.origin).toString() : undefined);
  return (
    <section className="report-success" aria-labelledby={id}>
      <h2 id={id} ref={headingRef} tabIndex={-1}>
        {t('console.register.done')}
      </h2>
      <p>{t('report.success.number')}</p>
      <p className="issue-number">{created.number}</p>
      {created.needs_pinpoint && <p className="notice">{t('console.register.needsPinpoint')}</p>}
      {trackingUrl && (
        <div className="field tracking-link">
          <label htmlFor={`${id}-link`}>{t('console.register.trackingLink')}</label>
          <p id={`${id}-hint`} className="field__hint">
            {t('console.register.trackingHint')}
          </p>
          <input
            id={`${id}-link`}
            type="text"
            readOnly
            value={trackingUrl}
            aria-describedby={`${id}-hint`}
            onFocus={(event) => {
              event.target.select();
            }}
          />
        </div>
      )}
      <p>
        <Link to={paths.consoleIssue(created.number)}>{t('console.register.open', { number: created.number })}</Link>
      </p>
      <p>
        <button type="button" className="secondary" onClick={onAnother}>
          {t('console.register.another')}
        </button>
      </p>
    </section>
  );
}
