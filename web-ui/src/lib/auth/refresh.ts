import { apiClient } from '@/lib/api/client';
import { sessionStore } from './session-store';

const LOCK_NAME = 'kontakt.auth.refresh';

let inFlight: Promise<boolean> | undefined;

async function exchangeRefreshCookie(): Promise<boolean> {
  let result;
  try {
    result = await apiClient.POST('/api/v1/auth/refresh');
  } catch {
    // Offline: the session may still be valid, so keep the hint and report failure.
    return false;
  }
  const token = result.data?.access_token;
  if (token) {
    sessionStore.authenticate(token);
    return true;
  }
  sessionStore.clear();
  return false;
}

/**
 * Exchanges the refresh cookie for a new access token, once at a time. The server rotates the
 * refresh token on every use and ends the whole session when an old one comes back, so two
 * refreshes must never race: not within this tab (one shared promise) and not across tabs
 * (a Web Lock, where the browser has them; the second tab then sends the rotated cookie).
 */
export function refreshSession(): Promise<boolean> {
  if (inFlight === undefined) {
    const refresh: Promise<boolean> =
      'locks' in navigator
        ? // The lock is held until the exchange settles; its result is the exchange's.
          navigator.locks.request(LOCK_NAME, exchangeRefreshCookie).then((ok) => ok)
        : exchangeRefreshCookie();
    inFlight = refresh.finally(() => {
      inFlight = undefined;
    });
  }
  return inFlight;
}

let restoring: Promise<void> | undefined;

/** On start, resumes the session of an earlier visit if there may be one; runs once per page. */
export function restoreSession(): Promise<void> {
  restoring ??= (sessionStore.mayHaveSession() ? refreshSession() : Promise.resolve(false)).then((ok) => {
    if (!ok && sessionStore.getState().status === 'restoring') {
      sessionStore.clear();
    }
  });
  return restoring;
}

/** Lets the next `restoreSession` run again (tests). */
export function resetRestore(): void {
  restoring = undefined;
}
