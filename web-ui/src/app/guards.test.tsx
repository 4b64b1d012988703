import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/lib/auth';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, noContent, renderRoutes } from '@/testing/test-utils';
import { routes } from './router';

const resident = {
  id: '6f1d7a4e-0000-4000-8000-000000000001',
  email: 'jan@example.org',
  first_name: 'Jan',
  last_name: 'Mieszkaniec',
  phone: null,
  language: 'pl',
  email_verified: true,
  pending_email: null,
  totp_enabled: false,
  roles: [],
  created_at: '2026-01-15T10:00:00Z',
};
const admin = { ...resident, first_name: 'Adam', last_name: 'Administrator', roles: [{ role: 'admin', unit_id: null }] };
const inbox = { items: [], unread: 3 };

describe('the session in the shell', () => {
  it('offers logging in and registering to visitors, without administration', () => {
    renderRoutes(routes, '/procedures');

    const account = screen.getByRole('navigation', { name: 'Konto' });
    expect(within(account).getByRole('link', { name: 'Zaloguj się' })).toHaveAttribute('href', '/login');
    expect(within(account).getByRole('link', { name: 'Załóż konto' })).toHaveAttribute('href', '/register');
    expect(screen.queryByRole('link', { name: 'Administracja' })).not.toBeInTheDocument();
  });

  it('sends a visitor from a page that needs a login to the login page, and remembers where to', async () => {
    const { router } = renderRoutes(routes, '/account/inbox');

    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/login');
    });
    expect(router.state.location.search).toBe('?next=%2Faccount%2Finbox');
  });

  it('shows the person, the unread count and administration to an administrator', async () => {
    fakeApi({
      'GET /api/v1/accounts/me': () => jsonResponse(admin),
      'GET /api/v1/accounts/me/messages': () => jsonResponse(inbox),
    });
    sessionStore.authenticate('token');
    renderRoutes(routes, '/procedures');

    const account = screen.getByRole('navigation', { name: 'Konto' });
    expect(await within(account).findByRole('link', { name: 'Adam Administrator' })).toHaveAttribute('href', '/account');
    expect(await within(account).findByRole('link', { name: 'Skrzynka 3 nowe' })).toHaveAttribute('href', '/account/inbox');
    expect(screen.getByRole('navigation', { name: 'Menu główne' }).querySelector('a[href="/admin"]')).toHaveTextContent(
      'Administracja',
    );
  });

  it('tells a logged-in person who is not an administrator that administration is closed to them', async () => {
    fakeApi({
      'GET /api/v1/accounts/me': () => jsonResponse(resident),
      'GET /api/v1/accounts/me/messages': () => jsonResponse(inbox),
    });
    sessionStore.authenticate('token');
    renderRoutes(routes, '/admin/users');

    expect(await screen.findByRole('heading', { level: 1, name: 'Brak dostępu' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Administracja' })).not.toBeInTheDocument();
  });

  it('logs out on the server and forgets the person', async () => {
    const api = fakeApi({
      'GET /api/v1/accounts/me': () => jsonResponse(resident),
      'GET /api/v1/accounts/me/messages': () => jsonResponse(inbox),
      'POST /api/v1/auth/logout': noContent,
    });
    sessionStore.authenticate('token');
    const { queryClient } = renderRoutes(routes, '/account');

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Wyloguj się' }));

    expect(await screen.findByRole('link', { name: 'Zaloguj się' })).toBeInTheDocument();
    const logout = api.requests.find((request) => new URL(request.url).pathname === '/api/v1/auth/logout');
    expect(logout?.headers.get('Authorization')).toBe('Bearer token');
    expect(sessionStore.getState().status).toBe('anonymous');
    expect(queryClient.getQueryData(['me', 'profile'])).toBeUndefined();
  });
});
