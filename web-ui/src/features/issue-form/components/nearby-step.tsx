import type { SubmitEvent } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { IssueCard } from '@/components/issues/issue-card';
import { SupportButton } from '@/components/issues/support-button';
import type { components } from '@/lib/api/schema';
import { StepForm, type StepPosition } from './step-form';

export type NearbyIssue = components['schemas']['NearbyIssue'];

type NearbyStepProps = {
  issues: readonly NearbyIssue[];
  position: StepPosition;
  onNext: () => void;
  onBack: () => void;
};

/** "Is this your problem?" (R1.6): open issues of the same category close by, with "me too". */
export function NearbyStep({ issues, position, onNext, onBack }: NearbyStepProps) {
  const { t, i18n } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const metres = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'unit', unit: 'meter', maximumFractionDigits: 0 });
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onNext();
  };
  return (
    <StepForm
      title={t('report.steps.nearby')}
      position={position}
      formRef={formRef}
      onSubmit={onSubmit}
      onBack={onBack}
      submitLabel={t('report.nearby.continue')}
    >
      <p>{t('report.nearby.intro', { count: issues.length })}</p>
      <ul className="issue-list">
        {issues.map((issue) => (
          <li key={issue.number}>
            <IssueCard issue={issue}>
              <p className="issue-card__description">{issue.description}</p>
              <p>{t('report.nearby.distance', { distance: metres.format(issue.distance_m) })}</p>
              <SupportButton number={issue.number} count={issue.support_count} />
            </IssueCard>
          </li>
        ))}
      </ul>
      <p>{t('report.nearby.supported')}</p>
    </StepForm>
  );
}
