/**
 * The login session of this tab. The access token lives only in memory, so no script can
 * read it from storage after the tab is gone; the refresh token is an HttpOnly cookie the
 * page never sees. What is stored is a mere hint that a session may exist, so that a visitor
 * who never logged in is not sent to the refresh endpoint on every page load.
 */

/** `restoring` until the attempt to resume a session from the refresh cookie ends. */
export type SessionStatus = 'restoring' | 'anonymous' | 'authenticated';

export type SessionState = { status: SessionStatus; accessToken: string | null };

export const SESSION_HINT_KEY = 'kontakt.session';

function readHint(): boolean {
  try {
    return window.localStorage.getItem(SESSION_HINT_KEY) === '1';
  } catch {
    return false;
  }
}

function writeHint(present: boolean): void {
  try {
    if (present) {
      window.localStorage.setItem(SESSION_HINT_KEY, '1');
    } else {
      window.localStorage.removeItem(SESSION_HINT_KEY);
    }
  } catch {
    // Without storage a reload logs the person out; everything else still works.
  }
}

/** A page starts out restoring only when there may be a session to restore. */
function initialState(): SessionState {
  return { status: readHint() ? 'restoring' : 'anonymous', accessToken: null };
}

let state: SessionState = initialState();
const listeners = new Set<() => void>();

function update(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export const sessionStore = {
  getState: (): SessionState => state,
  getAccessToken: (): string | null => state.accessToken,
  /** Whether a session may exist that the refresh cookie can resume. */
  mayHaveSession: readHint,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  authenticate: (accessToken: string): void => {
    writeHint(true);
    update({ status: 'authenticated', accessToken });
  },
  /** Forgets the session: logged out, ended by the server, or never there. */
  clear: (): void => {
    writeHint(false);
    if (state.status !== 'anonymous' || state.accessToken !== null) {
      update({ status: 'anonymous', accessToken: null });
    }
  },
  /** Back to the state of a fresh page (tests). */
  reset: (): void => {
    update(initialState());
  },
};
