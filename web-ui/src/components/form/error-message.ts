import type { TFunction } from 'i18next';
import type { ErrorReason } from '@/lib/api/field-errors';
import { resources } from '@/lib/i18n/resources';

type ErrorCode = keyof (typeof resources)['pl']['translation']['errors'];

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(resources.pl.translation.errors, code);
}

/** Codes that i18next would read as a plural form (`…_many`) are translated under another key. */
const RENAMED_CODES: Partial<Record<string, ErrorCode>> = { too_many: 'tooMany' };

/** A reason from the API (a problem or field code) in the reader's language. */
export function errorMessage(t: TFunction, reason: ErrorReason): string {
  if (reason.code === 'too_many_attempts' && reason.retryAfter !== undefined) {
    return t('errorsWithWait.too_many_attempts', { minutes: Math.max(1, Math.ceil(reason.retryAfter / 60)) });
  }
  const code = RENAMED_CODES[reason.code] ?? reason.code;
  return t(`errors.${isErrorCode(code) ? code : 'unknown'}`);
}
