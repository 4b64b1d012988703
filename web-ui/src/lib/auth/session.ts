import { apiClient } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';
import { createSessionMiddleware } from './middleware';
import { refreshSession } from './refresh';
import { sessionStore } from './session-store';

export type LoginResponse = components['schemas']['LoginResponse'];

// Every call of the app's API client carries the session.
apiClient.use(
  createSessionMiddleware({
    getAccessToken: sessionStore.getAccessToken,
    refresh: refreshSession,
    onSessionEnded: sessionStore.clear,
  }),
);

/** Starts the session from a login step that ended `authenticated`. */
export function signIn(response: LoginResponse): void {
  if (response.access_token) {
    sessionStore.authenticate(response.access_token);
  }
}

/** Ends the session on the server (it also clears the refresh cookie) and here. */
export async function signOut(): Promise<void> {
  try {
    await apiClient.POST('/api/v1/auth/logout');
  } finally {
    sessionStore.clear();
  }
}
