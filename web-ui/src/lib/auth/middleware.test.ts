import { describe, expect, it, vi } from 'vitest';
import { apiClient } from '@/lib/api/client';
import { jsonResponse, problemResponse } from '@/testing/test-utils';
import { SESSION_HINT_KEY, sessionStore } from './session-store';
// Importing the session attaches the middleware to the app's client, as the app does.
import './session';

const expired = () =>
  problemResponse({
    type: 'urn:kontakt:problem:token_expired',
    title: 'Unauthorized',
    status: 401,
    detail: 'The access token has expired; refresh it.',
    code: 'token_expired',
  });

const profile = {
  id: '6f1d7a4e-0000-4000-8000-000000000001',
  email: 'anna@example.org',
  first_name: 'Anna',
  last_name: 'Nowak',
  phone: null,
  language: 'pl',
  email_verified: true,
  pending_email: null,
  totp_enabled: false,
  roles: [],
  created_at: '2026-01-15T10:00:00Z',
};

type Route = (request: Request) => Response | Promise<Response>;

/** A fake server: each request is answered by the next handler; requests are recorded. */
function stubServer(...handlers: Route[]) {
  const requests: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input as Request;
    requests.push(request);
    const handler = handlers[requests.length - 1];
    if (!handler) throw new Error(`unexpected request ${request.method} ${request.url}`);
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  const seen = () => requests.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.headers.get('Authorization') ?? '-'}`);
  return { requests, seen };
}

const refreshed = (token: string) => () => jsonResponse({ status: 'authenticated', access_token: token, expires_in: 600 });

describe('the session middleware', () => {
  it('sends the access token with each call', async () => {
    sessionStore.authenticate('token-1');
    const server = stubServer(() => jsonResponse(profile));

    const { data } = await apiClient.GET('/api/v1/accounts/me');

    expect(data?.email).toBe('anna@example.org');
    expect(server.seen()).toEqual(['GET /api/v1/accounts/me Bearer token-1']);
  });

  it('refreshes an expired token once and repeats the call with the new one', async () => {
    sessionStore.authenticate('old');
    const server = stubServer(expired, refreshed('new'), () => jsonResponse(profile));

    const { data, response } = await apiClient.GET('/api/v1/accounts/me');

    expect(response.status).toBe(200);
    expect(data?.first_name).toBe('Anna');
    expect(server.seen()).toEqual([
      'GET /api/v1/accounts/me Bearer old',
      'POST /api/v1/auth/refresh Bearer old',
      'GET /api/v1/accounts/me Bearer new',
    ]);
    expect(sessionStore.getAccessToken()).toBe('new');
  });

  it('repeats a call with its body', async () => {
    sessionStore.authenticate('old');
    const server = stubServer(expired, refreshed('new'), () => jsonResponse(profile));

    await apiClient.PATCH('/api/v1/accounts/me', { body: { first_name: 'Anna' } });

    const repeated = server.requests[2];
    expect(repeated?.method).toBe('PATCH');
    expect(await repeated?.json()).toEqual({ first_name: 'Anna' });
  });

  it('does not loop when the repeated call is refused too', async () => {
    sessionStore.authenticate('old');
    const server = stubServer(expired, refreshed('new'), expired);

    const { error, response } = await apiClient.GET('/api/v1/accounts/me');

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 'token_expired' });
    expect(server.requests).toHaveLength(3);
  });

  it('ends the session when the refresh is refused, without repeating the call', async () => {
    sessionStore.authenticate('old');
    const server = stubServer(expired, () =>
      problemResponse({
        type: 'urn:kontakt:problem:invalid_refresh_token',
        title: 'Unauthorized',
        status: 401,
        detail: 'There is no session; log in.',
        code: 'invalid_refresh_token',
      }),
    );

    const { response } = await apiClient.GET('/api/v1/accounts/me');

    expect(response.status).toBe(401);
    expect(server.requests).toHaveLength(2);
    expect(sessionStore.getState()).toEqual({ status: 'anonymous', accessToken: null });
    expect(window.localStorage.getItem(SESSION_HINT_KEY)).toBeNull();
  });

  it('refreshes once for calls that expire together', async () => {
    sessionStore.authenticate('old');
    const server = stubServer(expired, expired, refreshed('new'), () => jsonResponse(profile), () =>
      jsonResponse({ items: [], unread: 0 }),
    );

    const [me, inbox] = await Promise.all([
      apiClient.GET('/api/v1/accounts/me'),
      apiClient.GET('/api/v1/accounts/me/messages'),
    ]);

    expect(me.response.status).toBe(200);
    expect(inbox.response.status).toBe(200);
    expect(server.seen().filter((line) => line.startsWith('POST /api/v1/auth/refresh'))).toHaveLength(1);
  });

  it('forgets the session when the server has ended it', async () => {
    sessionStore.authenticate('token-1');
    const server = stubServer(() =>
      problemResponse({
        type: 'urn:kontakt:problem:session_ended',
        title: 'Unauthorized',
        status: 401,
        detail: 'The session has ended.',
        code: 'session_ended',
      }),
    );

    await apiClient.GET('/api/v1/accounts/me');

    expect(server.requests).toHaveLength(1);
    expect(sessionStore.getState().status).toBe('anonymous');
  });

  it('leaves calls without a session alone', async () => {
    sessionStore.clear();
    const server = stubServer(() =>
      problemResponse({
        type: 'urn:kontakt:problem:invalid_credentials',
        title: 'Unauthorized',
        status: 401,
        detail: 'Wrong email or password.',
        code: 'invalid_credentials',
      }),
    );

    const { response } = await apiClient.POST('/api/v1/auth/login', { body: { email: 'a@b.c', password: 'x' } });

    expect(response.status).toBe(401);
    expect(server.seen()).toEqual(['POST /api/v1/auth/login -']);
  });
});
