import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, problemResponse, renderRoutes } from '@/testing/test-utils';
import type { App, AppKey, IssuedKey } from '../api/apps';
import { AppPage } from './app-page';
import { AppsPage } from './apps-page';

const APP_ID = '5d0c7a52-3f0b-4f7e-9d55-2a4a3b9c1e01';
const KEY = 'kk_ab23cd45_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldC0';

const oldKey: AppKey = {
  id: 'k1',
  prefix: 'zz98yx76',
  created_at: '2026-10-01T08:00:00Z',
  last_used_at: '2026-11-30T12:00:00Z',
  revoked_at: null,
};

const app: App = {
  id: APP_ID,
  name: 'Aplikacja osiedlowa',
  contact_email: 'dev@osiedle.example',
  scopes: ['issues.create'],
  rate_limit_per_minute: 120,
  created_at: '2026-10-01T08:00:00Z',
  updated_at: '2026-10-01T08:00:00Z',
  disabled_at: null,
  keys: [oldKey, { ...oldKey, id: 'k0', prefix: 'qq11ww22', revoked_at: '2026-10-02T08:00:00Z' }],
};

const issued: IssuedKey = { id: 'k2', prefix: 'ab23cd45', created_at: '2026-12-01T10:00:00Z', key: KEY };

const routes = [
  { path: '/admin/apps', element: <AppsPage /> },
  { path: '/admin/apps/:id', element: <AppPage /> },
];

describe('app administration', () => {
  it('lists the apps with their scopes, limits and active keys', async () => {
    fakeApi({ 'GET /api/v1/apps': () => jsonResponse([{ ...app, disabled_at: '2026-11-01T08:00:00Z' }]) });
    renderRoutes(routes, '/admin/apps');

    const row = await screen.findByRole('row', { name: /Aplikacja osiedlowa/ });
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual([
      'dev@osiedle.example',
      'Składanie zgłoszeń (issues.create)',
      '120 na minutę',
      'wyłączona (od 1 listopada 2026 09:00)',
      '1',
    ]);
    expect(within(row).getByRole('link', { name: 'Aplikacja osiedlowa' })).toHaveAttribute('href', `/admin/apps/${APP_ID}`);
  });

  it('registers an app, showing the API’s field errors at their inputs, then opens its page', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /api/v1/apps': () => jsonResponse([]),
      'POST /api/v1/apps': [
        () =>
          problemResponse({
            type: 'urn:kontakt:problem:validation_failed',
            title: 'Unprocessable Entity',
            status: 422,
            detail: 'Invalid fields.',
            code: 'validation_failed',
            errors: [
              { field: 'contact_email', code: 'invalid_email', message: 'This is not a valid email address.' },
              { field: 'rate_limit_per_minute', code: 'out_of_range', message: 'Between 1 and 100000 requests a minute.' },
            ],
          }),
        () => jsonResponse({ ...app, keys: [], scopes: ['issues.create', 'updates.create'] }, 201),
      ],
      [`GET /api/v1/apps/${APP_ID}`]: () => jsonResponse({ ...app, keys: [] }),
    });
    renderRoutes(routes, '/admin/apps');

    expect(await screen.findByText('Nie zarejestrowano jeszcze żadnej aplikacji.')).toBeInTheDocument();
    const form = screen.getByRole('region', { name: 'Zarejestruj aplikację' });
    await user.type(within(form).getByLabelText('Nazwa aplikacji'), 'Aplikacja osiedlowa');
    await user.type(within(form).getByLabelText('Adres e-mail do kontaktu'), 'dev@osiedle');
    await user.click(within(form).getByLabelText('Dodawanie informacji do zgłoszeń (updates.create)'));
    const rate = within(form).getByLabelText('Limit zapytań na minutę');
    await user.clear(rate);
    await user.type(rate, '0');
    await user.click(within(form).getByRole('button', { name: 'Zarejestruj aplikację' }));

    const email = within(form).getByLabelText('Adres e-mail do kontaktu');
    expect(await within(form).findByText('Formularz zawiera błędy. Popraw zaznaczone pola i wyślij go ponownie.')).toBeInTheDocument();
    expect(email).toHaveFocus();
    expect(email).toHaveAccessibleDescription('Pod ten adres urząd pisze w sprawie aplikacji. To nie jest poprawny adres e-mail.');
    expect(rate).toHaveAttribute('aria-invalid', 'true');
    expect(rate).toHaveAccessibleDescription(/Ta wartość jest poza dozwolonym zakresem\.$/);

    await user.clear(email);
    await user.type(email, 'dev@osiedle.example');
    await user.clear(rate);
    await user.type(rate, '120');
    await user.click(within(form).getByRole('button', { name: 'Zarejestruj aplikację' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Aplikacja: Aplikacja osiedlowa' })).toBeInTheDocument();
    expect(screen.getByText(/Aplikacja „Aplikacja osiedlowa” została zarejestrowana\./)).toBeInTheDocument();
    const [, sent] = await api.bodies('POST /api/v1/apps');
    expect(sent).toEqual({
      name: 'Aplikacja osiedlowa',
      contact_email: 'dev@osiedle.example',
      scopes: ['issues.create', 'updates.create'],
      rate_limit_per_minute: 120,
    });
  });

  it('refuses a rate limit that is not a whole number before sending', async () => {
    const user = userEvent.setup();
    const api = fakeApi({ 'GET /api/v1/apps': () => jsonResponse([]) });
    renderRoutes(routes, '/admin/apps');

    const rate = await screen.findByLabelText('Limit zapytań na minutę');
    await user.clear(rate);
    await user.click(screen.getByRole('button', { name: 'Zarejestruj aplikację' }));
    expect(rate).toHaveFocus();
    expect(rate).toHaveAccessibleDescription(/To pole jest wymagane\.$/);
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('shows an issued key once, with the warning, and not after leaving the page', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      [`GET /api/v1/apps/${APP_ID}`]: [() => jsonResponse(app), () => jsonResponse({ ...app, keys: [issued, ...app.keys] })],
      [`POST /api/v1/apps/${APP_ID}/keys`]: () => jsonResponse(issued, 201),
      'GET /api/v1/apps': () => jsonResponse([app]),
    });
    renderRoutes(routes, `/admin/apps/${APP_ID}`);

    const keys = await screen.findByRole('region', { name: 'Klucze API' });
    await user.click(within(keys).getByRole('button', { name: 'Wydaj klucz' }));

    const box = await within(keys).findByRole('region', { name: 'Nowy klucz kk_ab23cd45_…' });
    expect(within(box).getByRole('heading', { name: 'Nowy klucz kk_ab23cd45_…' })).toHaveFocus();
    expect(within(box).getByLabelText('Klucz API')).toHaveValue(KEY);
    expect(box).toHaveTextContent('Nie będzie można go wyświetlić ponownie');
    expect(within(box).getByRole('button', { name: 'Kopiuj' })).toBeInTheDocument();
    expect(await within(keys).findByRole('row', { name: /kk_ab23cd45_…/ })).toHaveTextContent('aktywny');
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(1);

    await user.click(screen.getByRole('link', { name: 'Wróć do listy aplikacji' }));
    await user.click(await screen.findByRole('link', { name: 'Aplikacja osiedlowa' }));
    const again = await screen.findByRole('region', { name: 'Klucze API' });
    expect(within(again).getByRole('row', { name: /kk_ab23cd45_…/ })).toBeInTheDocument();
    expect(within(again).queryByRole('region', { name: /^Nowy klucz/ })).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(KEY);
  });

  it('rotates a key, showing the new one, and revokes a key only once confirmed', async () => {
    const user = userEvent.setup();
    const revokedAt = '2026-12-01T10:05:00Z';
    const api = fakeApi({
      [`GET /api/v1/apps/${APP_ID}`]: [
        () => jsonResponse(app),
        () => jsonResponse({ ...app, keys: [issued, { ...oldKey, revoked_at: revokedAt }, ...app.keys.slice(1)] }),
        () =>
          jsonResponse({
            ...app,
            keys: [{ ...issued, revoked_at: revokedAt }, { ...oldKey, revoked_at: revokedAt }, ...app.keys.slice(1)],
          }),
      ],
      'GET /api/v1/apps': () => jsonResponse([app]),
      [`POST /api/v1/apps/${APP_ID}/keys/k1/rotate`]: () => jsonResponse(issued, 201),
      [`POST /api/v1/apps/${APP_ID}/keys/k2/revoke`]: () => jsonResponse({ ...issued, key: undefined, revoked_at: revokedAt }),
    });
    renderRoutes(routes, `/admin/apps/${APP_ID}`);

    const keys = await screen.findByRole('region', { name: 'Klucze API' });
    // Only active keys can be rotated or revoked.
    expect(within(keys).queryByRole('button', { name: 'Wymień klucz kk_qq11ww22_…' })).not.toBeInTheDocument();
    await user.click(within(keys).getByRole('button', { name: 'Wymień klucz kk_zz98yx76_…' }));
    expect(await within(keys).findByLabelText('Klucz API')).toHaveValue(KEY);
    expect(within(keys).getByText('Klucz kk_zz98yx76_… został unieważniony i zastąpiony nowym.')).toBeInTheDocument();

    await user.click(await within(keys).findByRole('button', { name: 'Unieważnij klucz kk_ab23cd45_…' }));
    const question = within(keys).getByText(/^Unieważnić klucz kk_ab23cd45_…\?/);
    expect(question).toHaveFocus();
    await user.click(within(keys).getByRole('button', { name: 'Anuluj' }));
    expect(within(keys).getByRole('button', { name: 'Unieważnij klucz kk_ab23cd45_…' })).toHaveFocus();
    expect(api.requests.some((request) => request.url.endsWith('/revoke'))).toBe(false);

    await user.click(within(keys).getByRole('button', { name: 'Unieważnij klucz kk_ab23cd45_…' }));
    await user.click(within(keys).getByRole('button', { name: 'Tak, unieważnij klucz' }));
    expect(await within(keys).findByText('Klucz kk_ab23cd45_… został unieważniony.')).toBeInTheDocument();
    expect(api.requests.filter((request) => request.url.endsWith('/k2/revoke'))).toHaveLength(1);
    // The key shown after the rotation is gone with the next action.
    expect(within(keys).queryByLabelText('Klucz API')).not.toBeInTheDocument();
  });

  it('disables an app and edits its settings, each sent as its own change', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      [`GET /api/v1/apps/${APP_ID}`]: () => jsonResponse(app),
      'GET /api/v1/apps': () => jsonResponse([app]),
      [`PATCH /api/v1/apps/${APP_ID}`]: [
        () => jsonResponse({ ...app, disabled_at: '2026-12-01T10:00:00Z' }),
        () => jsonResponse({ ...app, disabled_at: '2026-12-01T10:00:00Z', rate_limit_per_minute: 30 }),
      ],
    });
    renderRoutes(routes, `/admin/apps/${APP_ID}`);

    const availability = await screen.findByRole('region', { name: 'Włączenie i wyłączenie' });
    await user.click(within(availability).getByRole('button', { name: 'Wyłącz aplikację' }));
    expect(await within(availability).findByRole('button', { name: 'Włącz aplikację' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Klucze API' })).toHaveTextContent('żaden z jej kluczy nie jest teraz przyjmowany');

    const settings = screen.getByRole('region', { name: 'Ustawienia aplikacji' });
    const rate = within(settings).getByLabelText('Limit zapytań na minutę');
    expect(rate).toHaveValue(120);
    await user.clear(rate);
    await user.type(rate, '30');
    await user.click(within(settings).getByRole('button', { name: 'Zapisz zmiany' }));
    expect(await within(settings).findByText('Zmiany zostały zapisane.')).toBeInTheDocument();
    expect(await api.bodies(`PATCH /api/v1/apps/${APP_ID}`)).toEqual([
      { disabled: true },
      { name: app.name, contact_email: app.contact_email, scopes: ['issues.create'], rate_limit_per_minute: 30 },
    ]);
  });
});
