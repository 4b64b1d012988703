import { useTranslation } from 'react-i18next';
import { DateTime } from '@/components/date-time';
import { useNow } from '@/hooks/use-now';
import { countdown, lastMoment, type Deadline } from '@/lib/issues/deadline';

/** How long is left, in words ("2 working days left", "due today", "3 working days overdue"). */
function useCountdownText() {
  const { t } = useTranslation();
  const now = useNow();
  return (deadline: Deadline): string => {
    const left = countdown(deadline, now);
    switch (left.kind) {
      case 'paused':
        return t('deadline.paused');
      case 'today':
        return t('deadline.today');
      case 'left':
        return t('deadline.left', { count: left.workingDays });
      case 'overdue':
        return left.workingDays > 0 ? t('deadline.overdueBy', { count: left.workingDays }) : t('deadline.overdue');
    }
  };
}

type DeadlineInfoProps = {
  deadline: Deadline;
  /** Say what the deadline is for (verification, start of work, decision). */
  withKind?: boolean;
};

/**
 * An issue's deadline (R3.7): what is left, the last day, and whether it is overdue or stands
 * still while the reporter is asked. The words carry it all; the badge colours only repeat them.
 */
export function DeadlineInfo({ deadline, withKind = false }: DeadlineInfoProps) {
  const { t } = useTranslation();
  const text = useCountdownText();
  const state = deadline.paused ? 'paused' : deadline.overdue ? 'overdue' : 'running';
  return (
    <span className={`deadline deadline--${state}`}>
      {withKind && <span className="deadline__kind">{t(`deadline.kind.${deadline.kind}`)}: </span>}
      <span className="deadline__left">{text(deadline)}</span>{' '}
      <span className="deadline__day">
        ({t('deadline.until')} <DateTime value={lastMoment(deadline)} dateOnly />)
      </span>
    </span>
  );
}
