import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { DeadlineInfo } from '@/components/issues/deadline-info';
import { FieldValueList } from '@/components/issues/field-value-list';
import { IssueStatusBadge } from '@/components/issues/issue-status';
import { IssueTimeline } from '@/components/issues/issue-timeline';
import { PhotoGallery } from '@/components/issues/photo-gallery';
import { LocationMap } from '@/components/map/location-map';
import { Section } from '@/components/section';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import { useCategories, useCity } from '@/lib/issues/queries';
import { fieldValuesOf, type PublicIssue, type TimelineEntry } from '@/lib/issues/types';

/** Everything public about an issue: facts, description, place, photos and timeline (R2.4). */
type IssueDetailsProps = {
  issue: PublicIssue;
  timeline: readonly TimelineEntry[];
  /** Photos are served publicly only once the issue is approved; until then they are only counted. */
  photosPublic?: boolean;
};

export function IssueDetails({ issue, timeline, photosPublic = true }: IssueDetailsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const city = useCity();
  const categories = useCategories();
  const fields = categories.data?.find((category) => category.id === issue.category.id)?.fields;
  const location = issue.location ?? undefined;

  return (
    <>
      <dl className="details issue-facts">
        <div className="details__row">
          <dt>{t('issue.number')}</dt>
          <dd>{issue.number}</dd>
        </div>
        <div className="details__row">
          <dt>{t('issue.status')}</dt>
          <dd>
            <IssueStatusBadge status={issue.status} />
          </dd>
        </div>
        {issue.close_reason && (
          <div className="details__row">
            <dt>{t('issue.closeReason')}</dt>
            <dd>{t(`closeReason.${issue.close_reason}`)}</dd>
          </div>
        )}
        {issue.deadline && (
          <div className="details__row">
            <dt>{t('issue.deadline')}</dt>
            <dd>
              <DeadlineInfo deadline={issue.deadline} withKind />
            </dd>
          </div>
        )}
        <div className="details__row">
          <dt>{t('issue.category')}</dt>
          <dd>{inLanguage(language, issue.category.name_pl, issue.category.name_en)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('issue.unit')}</dt>
          <dd>{issue.unit.name}</dd>
        </div>
        <div className="details__row">
          <dt>{t('issue.created')}</dt>
          <dd>
            <DateTime value={issue.created_at} />
          </dd>
        </div>
        <div className="details__row">
          <dt>{t('issue.updated')}</dt>
          <dd>
            <DateTime value={issue.updated_at} />
          </dd>
        </div>
        {issue.finished_at && (
          <div className="details__row">
            <dt>{t('issue.finished')}</dt>
            <dd>
              <DateTime value={issue.finished_at} />
            </dd>
          </div>
        )}
        <FieldValueList fields={fields} values={fieldValuesOf(issue)} />
      </dl>
      <Section title={t('issue.description')}>
        <p className="issue-description">{issue.description}</p>
      </Section>
      <Section title={t('issue.place')}>
        <p>{issue.address ?? (location ? t('issue.noAddress') : t('issue.noPlace'))}</p>
        {location && city.data && (
          <LocationMap city={city.data} location={location} label={t('issue.mapLabel', { address: issue.address ?? '' })} />
        )}
      </Section>
      <Section title={t('issue.photos')}>
        {photosPublic ? (
          <PhotoGallery photos={issue.photos} />
        ) : (
          <p>{t('issue.photosAfterApproval', { count: issue.photos.length })}</p>
        )}
      </Section>
      <Section title={t('issue.timeline')}>
        <IssueTimeline entries={timeline} />
      </Section>
    </>
  );
}
