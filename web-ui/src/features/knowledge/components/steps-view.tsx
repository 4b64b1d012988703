import { useTranslation } from 'react-i18next';
import type { Step } from '../api/types';

/** The "@" mark of a step that can be done without coming to the office, named for screen readers. */
export function ElectronicBadge() {
  const { t } = useTranslation();
  return (
    <span className="e-badge" role="img" aria-label={t('knowledge.steps.electronic')} title={t('knowledge.steps.electronic')}>
      @
    </span>
  );
}

/** The main steps of a procedure, in order, with their comments and "@" marks. */
export function StepsView({ steps }: { steps: readonly Step[] }) {
  return (
    <ol className="procedure-steps">
      {steps.map((step, index) => (
        <li key={index}>
          <span className="procedure-steps__name">{step.name}</span>
          {step.electronic && (
            <>
              {' '}
              <ElectronicBadge />
            </>
          )}
          {step.comment && <p className="procedure-steps__comment">{step.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
