import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/hooks/use-language';
import { inLanguage } from '@/lib/issues/fields';
import { useCategories } from '@/lib/issues/queries';
import { ISSUE_STATUSES, type IssueStatus } from '@/lib/issues/types';

/** An entry of an issue's history, public or internal, as far as its wording needs it. */
type Event = { kind: string; after?: unknown };

const CLOSE_REASONS = ['not_feasible', 'unfounded', 'duplicate', 'outside_competence', 'without_consideration'] as const;
type CloseReason = (typeof CLOSE_REASONS)[number];
const MODERATIONS = ['pending', 'approved', 'rejected', 'hidden'] as const;
const ANSWER_CHANNELS = ['tracking', 'account', 'email'] as const;

/** A value of the entry's `after` (the schema leaves it a free-form object). */
function afterValue(event: Event, key: string): unknown {
  const after = event.after;
  return typeof after === 'object' && after !== null && key in after ? (after as Record<string, unknown>)[key] : undefined;
}

function afterText(event: Event, key: string): string | undefined {
  const value = afterValue(event, key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function oneOf<T extends string>(known: readonly T[], value: unknown): T | undefined {
  return known.find((candidate) => candidate === value);
}

export function isCloseReason(value: unknown): value is CloseReason {
  return oneOf(CLOSE_REASONS, value) !== undefined;
}

/** The status an entry moved the issue to, when it says. */
export function statusAfter(event: Event): IssueStatus | undefined {
  return oneOf(ISSUE_STATUSES, afterValue(event, 'status'));
}

/** The other issue a merge entry names (the one kept, or the duplicate that joined). */
export function relatedNumber(event: Event): string | undefined {
  if (event.kind === 'merged') return afterText(event, 'into');
  if (event.kind === 'duplicate_merged') return afterText(event, 'from');
  return undefined;
}

/** What one history entry says, in words: every public kind, and the internal ones staff see. */
export function useEventText() {
  const { t } = useTranslation();
  const language = useLanguage();
  const categories = useCategories();

  const categoryName = (event: Event): string => {
    const slug = afterText(event, 'category');
    const category = categories.data?.find((candidate) => candidate.slug === slug);
    return category ? inLanguage(language, category.name_pl, category.name_en) : (afterText(event, 'category_name') ?? slug ?? '');
  };

  return (event: Event): string => {
    switch (event.kind) {
      case 'created':
        return t('timeline.created');
      case 'status_changed': {
        const status = statusAfter(event);
        if (!status) return t('timeline.updated');
        const reason = afterValue(event, 'close_reason');
        return isCloseReason(reason)
          ? t('timeline.closedBecause', { status: t(`issueStatus.${status}`), reason: t(`closeReason.${reason}`) })
          : t('timeline.statusChanged', { status: t(`issueStatus.${status}`) });
      }
      case 'response':
        return t('timeline.response');
      case 'transferred':
        return t('timeline.transferred', { unit: afterText(event, 'unit_name') ?? afterText(event, 'unit') ?? '' });
      case 'category_changed':
        return t('timeline.categoryChanged', { category: categoryName(event) });
      case 'merged':
        return t('timeline.merged', { number: relatedNumber(event) ?? '' });
      case 'duplicate_merged':
        return t('timeline.duplicateMerged', { number: relatedNumber(event) ?? '' });
      case 'consent_withdrawn':
        return t('timeline.consentWithdrawn');
      case 'note':
        return t('timeline.note');
      case 'information_requested':
        return t('timeline.informationRequested');
      case 'app_update': {
        const reported = oneOf(ISSUE_STATUSES, afterValue(event, 'reported_status'));
        return t('timeline.appUpdate', {
          app: afterText(event, 'app_name') ?? '',
          status: reported ? t(`issueStatus.${reported}`) : (afterText(event, 'open311_status') ?? ''),
        });
      }
      case 'information_answered': {
        const via = oneOf(ANSWER_CHANNELS, afterValue(event, 'via'));
        return via ? t('timeline.informationAnsweredVia', { via: t(`answerChannel.${via}`) }) : t('timeline.informationAnswered');
      }
      case 'moderated': {
        const moderation = oneOf(MODERATIONS, afterValue(event, 'moderation'));
        return moderation ? t('timeline.moderated', { decision: t(`moderationDecision.${moderation}`) }) : t('timeline.updated');
      }
      case 'redacted':
        return t('timeline.redacted');
      case 'photo_visibility':
        return afterValue(event, 'hidden') === true ? t('timeline.photoHidden') : t('timeline.photoShown');
      case 'anonymised':
        return t('timeline.anonymised');
      default:
        return t('timeline.updated');
    }
  };
}
