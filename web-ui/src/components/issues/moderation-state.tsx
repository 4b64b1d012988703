import { useTranslation } from 'react-i18next';
import type { Moderation } from '@/lib/issues/types';

/** Whether the reporter's issue is public yet, and why not when a moderator refused it (R2.1). */
export function ModerationState({ moderation, reason }: { moderation: Moderation; reason?: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <p className={`moderation-state moderation-state--${moderation}`}>
      {t(`moderationState.${moderation}`)}
      {reason && moderation !== 'approved' && ` ${t('moderationState.reason', { reason })}`}
    </p>
  );
}
