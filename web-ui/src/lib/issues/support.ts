import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import { sessionStore } from '@/lib/auth';
import { randomUuid } from '@/lib/random-id';
import { PUBLIC_ISSUES_KEY } from './queries';
import { urlNumber } from './types';

const BROWSER_KEY = 'kontakt.browserKey';

/** Used when the browser keeps nothing (storage blocked): support then counts once per page load. */
let memoryKey: string | undefined;

/**
 * The random key by which the server counts a visitor's "me too" once per browser. It says
 * nothing about the person and is sent only for support.
 */
function browserKey(): string {
  try {
    const stored = window.localStorage.getItem(BROWSER_KEY);
    if (stored && stored.length >= 16) return stored;
    const fresh = randomUuid();
    window.localStorage.setItem(BROWSER_KEY, fresh);
    return fresh;
  } catch {
    memoryKey ??= randomUuid();
    return memoryKey;
  }
}

/** "Me too": once per account, or once per browser for visitors. */
export function useSupportIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (number: string) =>
      unwrap(
        await apiClient.POST('/api/v1/issues/{number}/support', {
          params: { path: { number: urlNumber(number) } },
          body: sessionStore.getState().status === 'authenticated' ? {} : { browser_key: browserKey() },
        }),
      ),
    // Public issues are cached under this key; their counts are read again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PUBLIC_ISSUES_KEY }),
  });
}
