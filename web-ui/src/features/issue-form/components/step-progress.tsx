import { useTranslation } from 'react-i18next';
import type { StepId } from '../utils/steps';

/** Where the resident is in the form: the steps, the current one marked. */
export function StepProgress({ steps, current }: { steps: readonly StepId[]; current: StepId }) {
  const { t } = useTranslation();
  const index = steps.indexOf(current);
  return (
    <ol className="step-progress" aria-label={t('report.progress')}>
      {steps.map((step, position) => (
        <li
          key={step}
          aria-current={step === current ? 'step' : undefined}
          className={position < index ? 'step-progress__step step-progress__step--done' : 'step-progress__step'}
        >
          {t(`report.steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}
