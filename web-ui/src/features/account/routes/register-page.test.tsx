import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, problemResponse, renderRoutes } from '@/testing/test-utils';
import { RegisteredPage } from './registered-page';
import { RegisterPage } from './register-page';

const terms = {
  version: '6.4',
  published_at: '2026-03-01T09:00:00Z',
  body_pl: '# Regulamin serwisu Kontakt\n\n1. Serwis prowadzi Urząd Miasta.',
  body_en: '# Terms of service of Kontakt\n\n1. Kontakt is run by the City Hall.',
};

function renderRegister() {
  return renderRoutes(
    [
      { path: '/register', element: <RegisterPage /> },
      { path: '/register/check-your-mail', element: <RegisteredPage /> },
    ],
    '/register',
  );
}

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Imię'), 'Anna');
  await user.type(screen.getByLabelText('Nazwisko'), 'Nowak');
  await user.type(screen.getByLabelText('Adres e-mail'), 'anna@example.org');
  await user.type(screen.getByLabelText(/^Telefon/), '+48 600 100 200');
  await user.type(screen.getByLabelText('Hasło'), 'tramwaj kwitnie nocą');
}

describe('RegisterPage', () => {
  it('shows the terms in force with their version and date', async () => {
    fakeApi({ 'GET /api/v1/terms/current': () => jsonResponse(terms) });
    renderRegister();

    const fieldset = await screen.findByRole('group', { name: 'Regulamin serwisu' });
    expect(within(fieldset).getByText('1. Serwis prowadzi Urząd Miasta.')).toBeInTheDocument();
    expect(within(fieldset).getByText(/Wersja 6.4 z dnia/)).toHaveTextContent('1 marca 2026');
    expect(screen.getByRole('checkbox', { name: 'Akceptuję regulamin serwisu (wersja 6.4)' })).not.toBeChecked();
    expect(screen.getByLabelText('Hasło')).toHaveAccessibleDescription(expect.stringContaining('Co najmniej 10 znaków'));
  });

  it('requires accepting the terms before sending anything', async () => {
    const api = fakeApi({ 'GET /api/v1/terms/current': () => jsonResponse(terms) });
    const user = userEvent.setup();
    renderRegister();

    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Załóż konto' }));

    const checkbox = screen.getByRole('checkbox', { name: /Akceptuję regulamin/ });
    expect(checkbox).toHaveAttribute('aria-invalid', 'true');
    expect(checkbox).toHaveAccessibleDescription('Aby założyć konto, zaakceptuj regulamin.');
    expect(checkbox).toHaveFocus();
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('shows the server’s field errors next to their fields and focuses the first', async () => {
    fakeApi({
      'GET /api/v1/terms/current': () => jsonResponse(terms),
      'POST /api/v1/auth/register': () =>
        problemResponse({
          type: 'urn:kontakt:problem:validation_failed',
          title: 'Unprocessable Entity',
          status: 422,
          detail: 'Some fields are wrong.',
          code: 'validation_failed',
          errors: [
            { field: 'phone', code: 'invalid_phone', message: 'This is not a valid phone number.' },
            { field: 'password', code: 'too_common', message: 'This password is too common.' },
          ],
        }),
    });
    const user = userEvent.setup();
    renderRegister();

    await fillIn(user);
    await user.click(screen.getByRole('checkbox', { name: /Akceptuję regulamin/ }));
    await user.click(screen.getByRole('button', { name: 'Załóż konto' }));

    const password = screen.getByLabelText('Hasło');
    await waitFor(() => {
      expect(password).toHaveAttribute('aria-invalid', 'true');
    });
    expect(password).toHaveAccessibleDescription(expect.stringContaining('To hasło jest zbyt popularne'));
    const phone = screen.getByLabelText(/^Telefon/);
    expect(phone).toHaveAccessibleDescription('To nie jest poprawny numer telefonu.');
    // The phone comes first in the form.
    expect(phone).toHaveFocus();
    expect(screen.getByLabelText('Imię')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('Popraw zaznaczone pola');
  });

  it('registers with the accepted version and the chosen language, then says to check the mail', async () => {
    const api = fakeApi({
      'GET /api/v1/terms/current': () => jsonResponse(terms),
      'POST /api/v1/auth/register': () => jsonResponse({ status: 'accepted' }, 202),
    });
    const user = userEvent.setup();
    renderRegister();

    await fillIn(user);
    await user.selectOptions(screen.getByLabelText('Język wiadomości'), 'en');
    await user.click(screen.getByRole('checkbox', { name: /Akceptuję regulamin/ }));
    await user.click(screen.getByRole('button', { name: 'Załóż konto' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sprawdź pocztę' })).toBeInTheDocument();
    expect(screen.getByText(/na adres anna@example.org/)).toBeInTheDocument();
    expect(await api.bodies('POST /api/v1/auth/register')).toEqual([
      {
        first_name: 'Anna',
        last_name: 'Nowak',
        email: 'anna@example.org',
        phone: '+48 600 100 200',
        password: 'tramwaj kwitnie nocą',
        accepted_terms_version: '6.4',
        language: 'en',
      },
    ]);
  });
});
