import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { sessionStore } from '@/lib/auth';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, problemResponse, renderRoutes } from '@/testing/test-utils';
import { LoginPage } from './login-page';

function renderLogin(path = '/login') {
  return renderRoutes(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/account', element: <h1>Konto</h1> },
      { path: '/account/inbox', element: <h1>Skrzynka</h1> },
    ],
    path,
  );
}

async function logIn(email = 'anna@example.org', password = 'correct horse battery') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Adres e-mail'), email);
  await user.type(screen.getByLabelText('Hasło'), password);
  await user.click(screen.getByRole('button', { name: 'Zaloguj się' }));
  return user;
}

const authenticated = () => jsonResponse({ status: 'authenticated', access_token: 'access-1', expires_in: 600 });

describe('LoginPage', () => {
  it('logs in and goes to the account page', async () => {
    const api = fakeApi({ 'POST /api/v1/auth/login': authenticated });
    const { router } = renderLogin();

    expect(screen.getByRole('heading', { level: 1, name: 'Logowanie' })).toBeInTheDocument();
    await logIn(' anna@example.org ');

    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/account');
    });
    expect(await api.bodies('POST /api/v1/auth/login')).toEqual([
      { email: 'anna@example.org', password: 'correct horse battery' },
    ]);
    expect(sessionStore.getState()).toEqual({ status: 'authenticated', accessToken: 'access-1' });
  });

  it('says when the email or password is wrong, and moves focus to the message', async () => {
    fakeApi({
      'POST /api/v1/auth/login': () =>
        problemResponse({
          type: 'urn:kontakt:problem:invalid_credentials',
          title: 'Unauthorized',
          status: 401,
          detail: 'Wrong email or password.',
          code: 'invalid_credentials',
        }),
    });
    renderLogin();

    await logIn();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nieprawidłowy adres e-mail lub hasło.');
    await waitFor(() => {
      expect(alert).toHaveFocus();
    });
    expect(sessionStore.getState().status).not.toBe('authenticated');
  });

  it('tells a blocked person that the account is blocked', async () => {
    fakeApi({
      'POST /api/v1/auth/login': () =>
        problemResponse({
          type: 'urn:kontakt:problem:account_blocked',
          title: 'Forbidden',
          status: 403,
          detail: 'This account is blocked.',
          code: 'account_blocked',
        }),
    });
    renderLogin();

    await logIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('Twoje konto zostało zablokowane');
  });

  it('says how long to wait after too many attempts', async () => {
    fakeApi({
      'POST /api/v1/auth/login': () =>
        problemResponse(
          {
            type: 'urn:kontakt:problem:too_many_attempts',
            title: 'Too Many Requests',
            status: 429,
            detail: 'Too many attempts. Try again in 240 seconds.',
            code: 'too_many_attempts',
          },
          { 'Retry-After': '240' },
        ),
    });
    renderLogin();

    await logIn();

    expect(await screen.findByRole('alert')).toHaveTextContent('Spróbuj ponownie za 4 min.');
  });

  it('asks for the second factor, shows a wrong code at the field, then returns to the page asked for', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/login': () =>
        jsonResponse({ status: 'second_factor_required', second_factor_token: 'step-token' }),
      'POST /api/v1/auth/login/second-factor': [
        () =>
          problemResponse({
            type: 'urn:kontakt:problem:validation_failed',
            title: 'Unprocessable Entity',
            status: 422,
            detail: 'The code is wrong or expired.',
            code: 'validation_failed',
            errors: [{ field: 'code', code: 'invalid_code', message: 'The code is wrong or expired.' }],
          }),
        authenticated,
      ],
    });
    const { router } = renderLogin('/login?next=%2Faccount%2Finbox');

    const user = await logIn();

    const heading = await screen.findByRole('heading', { level: 2, name: 'Drugi składnik logowania' });
    expect(heading).toHaveFocus();
    const code = screen.getByLabelText('Kod z aplikacji uwierzytelniającej');
    await user.type(code, '123 456');
    await user.click(screen.getByRole('button', { name: 'Potwierdź' }));

    expect(await screen.findByText('Kod jest błędny albo wygasł.')).toBeInTheDocument();
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code).toHaveAccessibleDescription(expect.stringContaining('Kod jest błędny albo wygasł.'));
    expect(code).toHaveFocus();

    await user.clear(code);
    await user.type(code, '654321');
    await user.click(screen.getByRole('button', { name: 'Potwierdź' }));

    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/account/inbox');
    });
    expect(await api.bodies('POST /api/v1/auth/login/second-factor')).toEqual([
      { second_factor_token: 'step-token', code: '123456' },
      { second_factor_token: 'step-token', code: '654321' },
    ]);
  });

  it('accepts a recovery code instead of a code from the app', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/login': () =>
        jsonResponse({ status: 'second_factor_required', second_factor_token: 'step-token' }),
      'POST /api/v1/auth/login/second-factor': authenticated,
    });
    renderLogin();

    const user = await logIn();
    await user.click(await screen.findByRole('button', { name: 'Użyj kodu odzyskiwania' }));
    await user.type(screen.getByLabelText('Kod odzyskiwania'), 'abcd-efgh');
    await user.click(screen.getByRole('button', { name: 'Potwierdź' }));

    await waitFor(async () => {
      expect(await api.bodies('POST /api/v1/auth/login/second-factor')).toEqual([
        { second_factor_token: 'step-token', recovery_code: 'abcd-efgh' },
      ]);
    });
  });

  it('never follows a next address that leaves the site', async () => {
    fakeApi({ 'POST /api/v1/auth/login': authenticated });
    const { router } = renderLogin('/login?next=%2F%2Fevil.example%2F');

    await logIn();

    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/account');
    });
  });
});
