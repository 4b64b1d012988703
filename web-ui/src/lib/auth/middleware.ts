import type { Middleware } from 'openapi-fetch';

type SessionMiddlewareDeps = {
  getAccessToken: () => string | null;
  /** Gets a new access token; resolves false when the session is gone. */
  refresh: () => Promise<boolean>;
  /** The session ended on the server (logged out elsewhere, blocked, password changed). */
  onSessionEnded: () => void;
};

/** Paths whose 401s are about their own credentials, never about the access token. */
const SESSION_ENDPOINTS = new Set(['/api/v1/auth/refresh', '/api/v1/auth/login', '/api/v1/auth/logout']);

async function problemCode(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.clone().json();
    return typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string'
      ? body.code
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sends the access token with every call and keeps it fresh: when the server answers 401
 * `token_expired`, refreshes the session once and repeats the call once with the new token.
 * The repeated call bypasses this middleware, so an answer to it is final (no loops).
 */
export function createSessionMiddleware({ getAccessToken, refresh, onSessionEnded }: SessionMiddlewareDeps): Middleware {
  // Copies of sent requests, taken before their bodies are read, to send again.
  const copies = new WeakMap<Request, { copy: Request; token: string }>();
  return {
    onRequest({ request, schemaPath }) {
      const token = getAccessToken();
      if (token && !request.headers.has('Authorization')) {
        request.headers.set('Authorization', `Bearer ${token}`);
        if (!SESSION_ENDPOINTS.has(schemaPath)) {
          copies.set(request, { copy: request.clone(), token });
        }
      }
      return request;
    },
    async onResponse({ request, response, options }) {
      const sent = copies.get(request);
      copies.delete(request);
      if (sent === undefined || (response.status !== 401 && response.status !== 403)) {
        return response;
      }
      const code = await problemCode(response);
      if (response.status === 401 && code === 'token_expired') {
        // Another call may have refreshed the session meanwhile; then its token will do.
        const current = getAccessToken();
        const fresh = current !== null && current !== sent.token ? true : await refresh();
        const token = getAccessToken();
        if (!fresh || token === null) {
          return response;
        }
        sent.copy.headers.set('Authorization', `Bearer ${token}`);
        return options.fetch(sent.copy);
      }
      if (response.status === 401 || code === 'account_blocked') {
        onSessionEnded();
      }
      return response;
    },
  };
}
