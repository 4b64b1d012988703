import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, noContent, problemResponse, renderRoutes } from '@/testing/test-utils';
import type { App } from '../api/apps';
import type { Category } from '../api/categories';
import type { WebhookDelivery, WebhookSubscription } from '../api/webhooks';
import { WebhookPage } from './webhook-page';
import { WebhooksPage } from './webhooks-page';

const APP_ID = '5d0c7a52-3f0b-4f7e-9d55-2a4a3b9c1e01';
const HOOK_ID = '8e1f3c2a-7b6d-4e5f-9a8b-1c2d3e4f5a6b';
const SECRET = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ';

const units = [
  { id: 'u1', slug: 'zdit', name: 'Zarząd Dróg i Transportu', kind: 'municipal_body' },
  { id: 'u2', slug: 'zzm', name: 'Zarząd Zieleni Miejskiej', kind: 'municipal_body' },
];

const roadDamage = {
  id: 'c1',
  slug: 'road-damage',
  name_pl: 'Uszkodzona nawierzchnia',
  name_en: 'Road damage',
  group_pl: 'Drogi',
  group_en: 'Roads',
  kind: 'problem',
  unit_id: 'u1',
  delivery: 'automatic',
  location_required: true,
  active: true,
  position: 10,
  fields: [],
} satisfies Category;

const app: App = {
  id: APP_ID,
  name: 'Aplikacja osiedlowa',
  contact_email: 'dev@osiedle.example',
  scopes: ['issues.create'],
  rate_limit_per_minute: 60,
  created_at: '2026-10-01T08:00:00Z',
  updated_at: '2026-10-01T08:00:00Z',
  disabled_at: null,
  keys: [],
};

const subscription: WebhookSubscription = {
  id: HOOK_ID,
  app: { id: APP_ID, name: 'Aplikacja osiedlowa' },
  unit: null,
  url: 'https://hooks.osiedle.example/kontakt',
  events: ['issue.created', 'issue.status_changed'],
  categories: ['road-damage'],
  units: [],
  created_at: '2026-11-01T08:00:00Z',
  updated_at: '2026-11-01T08:00:00Z',
  disabled_at: null,
};

const delivered: WebhookDelivery = {
  id: 'd1',
  event: 'issue.created',
  created_at: '2026-12-01T09:00:00Z',
  attempts: 1,
  last_attempt_at: '2026-12-01T09:00:01Z',
  response_status: 200,
  last_error: null,
  delivered_at: '2026-12-01T09:00:01Z',
  failed_at: null,
  next_attempt_at: null,
  redelivery_of: null,
  // The schema types a delivery's body as an opaque object.
  payload: { type: 'issue.created', issue: { number: '2026/000123' } } as unknown as WebhookDelivery['payload'],
};

const failing: WebhookDelivery = {
  ...delivered,
  id: 'd0',
  event: 'issue.status_changed',
  created_at: '2026-11-30T09:00:00Z',
  attempts: 3,
  response_status: 500,
  last_error: 'the receiver answered 500',
  delivered_at: null,
  failed_at: '2026-11-30T12:00:00Z',
};

const common = {
  'GET /api/v1/apps': () => jsonResponse([app]),
  'GET /api/v1/units': () => jsonResponse({ items: units }),
  'GET /api/v1/categories': () => jsonResponse({ items: [roadDamage] }),
};

const routes = [
  { path: '/admin/webhooks', element: <WebhooksPage /> },
  { path: '/admin/webhooks/:id', element: <WebhookPage /> },
];

describe('webhook administration', () => {
  it('subscribes an app, showing the API’s field errors, then the signing secret once', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      ...common,
      'GET /api/v1/webhooks': [() => jsonResponse([]), () => jsonResponse([subscription])],
      'POST /api/v1/webhooks': [
        () =>
          problemResponse({
            type: 'urn:kontakt:problem:validation_failed',
            title: 'Unprocessable Entity',
            status: 422,
            detail: 'Invalid fields.',
            code: 'validation_failed',
            errors: [
              { field: 'url', code: 'private_address', message: 'Webhooks may not call private or loopback addresses.' },
              { field: 'events', code: 'required', message: 'Choose at least one event.' },
            ],
          }),
        () => jsonResponse({ ...subscription, secret: SECRET }, 201),
      ],
    });
    renderRoutes(routes, '/admin/webhooks');

    expect(await screen.findByText('Nie ma jeszcze żadnej subskrypcji.')).toBeInTheDocument();
    const form = screen.getByRole('region', { name: 'Nowa subskrypcja' });
    // Nothing is sent without an owner.
    await user.click(await within(form).findByRole('button', { name: 'Utwórz subskrypcję' }));
    const owner = within(form).getByLabelText('Właściciel subskrypcji');
    expect(owner).toHaveFocus();
    expect(owner).toHaveAccessibleDescription(/To pole jest wymagane\.$/);
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    await user.selectOptions(owner, 'Aplikacja: Aplikacja osiedlowa');
    const url = within(form).getByLabelText('Adres odbiorcy (URL)');
    await user.type(url, 'http://10.0.0.5/hook');
    await user.click(within(form).getByRole('button', { name: 'Utwórz subskrypcję' }));

    expect(await within(form).findByText('Formularz zawiera błędy. Popraw zaznaczone pola i wyślij go ponownie.')).toBeInTheDocument();
    expect(url).toHaveFocus();
    expect(url).toHaveAccessibleDescription(/Webhooki mogą wywoływać tylko adresy publiczne\.$/);
    const events = within(form).getByRole('group', { name: 'Zdarzenia' });
    expect(within(events).getByLabelText('Zgłoszenie opublikowane (issue.created)')).toHaveAccessibleDescription(
      'To pole jest wymagane.',
    );

    await user.clear(url);
    await user.type(url, 'https://hooks.osiedle.example/kontakt');
    await user.click(within(events).getByLabelText('Zgłoszenie opublikowane (issue.created)'));
    await user.click(within(events).getByLabelText('Zmiana statusu (issue.status_changed)'));
    await user.click(within(form).getByLabelText('Uszkodzona nawierzchnia'));
    await user.click(within(form).getByRole('button', { name: 'Utwórz subskrypcję' }));

    const secret = await within(form).findByRole('region', { name: 'Sekret podpisu nowej subskrypcji' });
    expect(within(secret).getByLabelText('Sekret podpisu')).toHaveValue(SECRET);
    expect(secret).toHaveTextContent('Nie będzie można go wyświetlić ponownie');
    expect(within(form).getByRole('link', { name: 'Otwórz subskrypcję' })).toHaveAttribute('href', `/admin/webhooks/${HOOK_ID}`);
    expect(await screen.findByRole('row', { name: /hooks\.osiedle\.example/ })).toHaveTextContent('Aplikacja: Aplikacja osiedlowa');
    const [, sent] = await api.bodies('POST /api/v1/webhooks');
    expect(sent).toEqual({
      app_id: APP_ID,
      url: 'https://hooks.osiedle.example/kontakt',
      events: ['issue.created', 'issue.status_changed'],
      categories: ['road-damage'],
      units: [],
    });

    await user.click(within(secret).getByRole('button', { name: 'Zapisałem – ukryj' }));
    expect(within(form).queryByRole('region', { name: 'Sekret podpisu nowej subskrypcji' })).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(SECRET);
  });

  it('shows the delivery log with each body, and redelivers a delivery through the API', async () => {
    const user = userEvent.setup();
    const redelivery: WebhookDelivery = {
      ...delivered,
      id: 'd2',
      created_at: '2026-12-01T10:00:00Z',
      attempts: 0,
      last_attempt_at: null,
      response_status: null,
      delivered_at: null,
      next_attempt_at: '2026-12-01T10:00:00Z',
      redelivery_of: 'd1',
    };
    const api = fakeApi({
      ...common,
      [`GET /api/v1/webhooks/${HOOK_ID}`]: () => jsonResponse(subscription),
      [`GET /api/v1/webhooks/${HOOK_ID}/deliveries`]: [
        () => jsonResponse([delivered, failing]),
        () => jsonResponse([redelivery, delivered, failing]),
      ],
      [`POST /api/v1/webhooks/${HOOK_ID}/deliveries/d1/redeliver`]: () => jsonResponse(redelivery, 202),
    });
    renderRoutes(routes, `/admin/webhooks/${HOOK_ID}`);

    const log = await screen.findByRole('region', { name: 'Dziennik doręczeń' });
    const rows = await within(log).findAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1] as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '1 grudnia 2026 10:00',
      '1',
      'HTTP 200',
      'doręczone 1 grudnia 2026 10:00',
      'Wyślij ponownie',
    ]);
    expect(rows[2]).toHaveTextContent('the receiver answered 500');
    expect(rows[2]).toHaveTextContent('nieudane 30 listopada 2026 13:00');
    const body = within(rows[1] as HTMLElement).getByText('Treść (JSON)');
    expect(body.closest('details')).not.toHaveAttribute('open');
    await user.click(body);
    expect(body.closest('details')).toHaveAttribute('open');
    expect(within(rows[1] as HTMLElement).getByText(/"number": "2026\/000123"/)).toBeVisible();

    await user.click(
      within(log).getByRole('button', { name: 'Wyślij ponownie Zgłoszenie opublikowane (issue.created) 1 grudnia 2026 10:00' }),
    );
    expect(await within(log).findByText('Doręczenie zostało ponownie dodane do kolejki.')).toBeInTheDocument();
    expect(api.requests.filter((request) => request.url.endsWith('/deliveries/d1/redeliver'))).toHaveLength(1);
    const after = await within(log).findAllByRole('row');
    expect(after).toHaveLength(4);
    expect(after[1]).toHaveTextContent('ponowne wysłanie');
    expect(after[1]).toHaveTextContent('następna próba 1 grudnia 2026 11:00');
  });

  it('shows the filters by name, and deletes the subscription only once confirmed', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      ...common,
      [`GET /api/v1/webhooks/${HOOK_ID}`]: () => jsonResponse(subscription),
      [`GET /api/v1/webhooks/${HOOK_ID}/deliveries`]: () => jsonResponse([]),
      [`DELETE /api/v1/webhooks/${HOOK_ID}`]: () => noContent(),
      'GET /api/v1/webhooks': () => jsonResponse([]),
    });
    renderRoutes(routes, `/admin/webhooks/${HOOK_ID}`);

    expect(await screen.findByText('Nie było jeszcze żadnych doręczeń.')).toBeInTheDocument();
    expect(await screen.findByText('Uszkodzona nawierzchnia', { selector: 'dd' })).toBeInTheDocument();
    const settings = screen.getByRole('region', { name: 'Ustawienia subskrypcji' });
    expect(await within(settings).findByLabelText('Adres odbiorcy (URL)')).toHaveValue(subscription.url);
    expect(within(settings).queryByLabelText('Właściciel subskrypcji')).not.toBeInTheDocument();

    const removal = screen.getByRole('region', { name: 'Usunięcie subskrypcji' });
    await user.click(within(removal).getByRole('button', { name: 'Usuń subskrypcję' }));
    expect(within(removal).getByText(/^Usunąć subskrypcję adresu/)).toHaveFocus();
    expect(api.requests.some((request) => request.method === 'DELETE')).toBe(false);
    await user.click(within(removal).getByRole('button', { name: 'Tak, usuń subskrypcję' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Webhooki' })).toBeInTheDocument();
    expect(screen.getByText(`Subskrypcja adresu ${subscription.url} została usunięta.`)).toBeInTheDocument();
    expect(api.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
  });
});
