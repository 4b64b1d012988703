import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useFocusOnMount } from '@/hooks/use-focus-on-mount';
import type { components } from '@/lib/api/schema';
import { copyText } from '@/lib/clipboard';

type IssueCreated = components['schemas']['IssueCreated'];

/** The confirmation: the number, and for anonymous reporters the tracking link, shown this once (R1.2). */
export function ReportSuccess({ created, onAnother }: { created: IssueCreated; onAnother: () => void }) {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const linkId = useId();
  const [copied, setCopied] = useState<boolean>();
  const token = created.tracking_token;
  const trackingUrl = created.tracking_url ?? (token ? new URL(paths.tracking(token), window.location.origin).toString() : undefined);

  return (
    <section className="report-success" aria-labelledby={`${linkId}-title`}>
      <h2 id={`${linkId}-title`} ref={headingRef} tabIndex={-1}>
        {t('report.success.title')}
      </h2>
      <p>{t('report.success.number')}</p>
      <p className="issue-number">{created.number}</p>
      <p>{t('report.success.moderation')}</p>
      {created.needs_pinpoint && <p className="notice">{t('report.success.needsPinpoint')}</p>}
      {token && trackingUrl ? (
        <div className="tracking-link">
          <h3>{t('report.success.trackingTitle')}</h3>
          <p className="alert">{t('report.success.trackingWarning')}</p>
          <div className="field">
            <label htmlFor={linkId}>{t('report.success.trackingLabel')}</label>
            <input id={linkId} type="text" readOnly value={trackingUrl} onFocus={(event) => { event.target.select(); }} />
          </div>
          <div className="form__actions">
            <button
              type="button"
              onClick={() => {
                void copyText(trackingUrl, document.getElementById(linkId) as HTMLInputElement | null).then(setCopied);
              }}
            >
              {t('report.success.copy')}
            </button>
            <Link to={paths.tracking(token)}>{t('report.success.openTracking')}</Link>
          </div>
          <p role="status" className="status">
            {copied === true && t('report.success.copied')}
            {copied === false && t('report.success.copyManually')}
          </p>
        </div>
      ) : (
        <p>
          {t('report.success.account')} <Link to={paths.myIssues}>{t('myIssues.title')}</Link>
        </p>
      )}
      <p>
        <button type="button" className="secondary" onClick={onAnother}>
          {t('report.success.another')}
        </button>
      </p>
    </section>
  );
}
