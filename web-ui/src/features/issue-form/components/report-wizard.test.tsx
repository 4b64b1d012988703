import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, problemResponse, renderRoutes } from '@/testing/test-utils';
import { greenery, piotrkowska, roadDamage } from '@/testing/issue-fixtures';
import { ReportWizard } from './report-wizard';

const refused = () =>
  problemResponse({
    type: 'urn:kontakt:problem:validation_failed',
    title: 'Unprocessable Entity',
    status: 422,
    detail: 'Some fields are wrong.',
    code: 'validation_failed',
    errors: [
      { field: 'photos[1]', code: 'unsupported_type', message: 'This file is not a JPEG, PNG or WebP image.' },
      { field: 'location', code: 'outside_city', message: 'This place is outside Łódź.' },
    ],
  });

const created = () =>
  jsonResponse(
    {
      number: '2026/000123',
      status: 'new',
      moderation: 'pending',
      tracking_token: 'secret-tracking-token-0123456789',
      tracking_url: 'http://localhost:3000/track/secret-tracking-token-0123456789',
      needs_pinpoint: false,
      url: 'http://localhost:3000/issues/2026-000123',
    },
    201,
  );

const stepHeading = () => screen.getByRole('heading', { level: 2 });
const next = () => screen.getByRole('button', { name: 'Dalej' });

// jsdom has no object URLs; the previews only need a URL to show.
beforeEach(() => {
  let count = 0;
  Object.assign(URL, {
    createObjectURL: vi.fn(() => `blob:preview-${String((count += 1))}`),
    revokeObjectURL: vi.fn(),
  });
});
afterEach(() => {
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

describe('a refused submission', () => {
  it('takes the resident to the place with the location error, then shows the photo error at the second photo', async () => {
    const api = fakeApi({
      'GET /api/v1/places': () => jsonResponse({ items: [piotrkowska] }),
      'GET /api/v1/issues/nearby': () => jsonResponse({ items: [] }),
      'POST /api/v1/issues': [refused, created],
    });
    const user = userEvent.setup();
    renderRoutes([{ path: '/', element: <ReportWizard categories={[roadDamage, greenery]} city={undefined} /> }], '/');

    await user.click(screen.getByRole('radio', { name: 'Zieleń miejska' }));
    await user.click(next());
    await user.type(screen.getByRole('combobox', { name: 'Adres' }), 'Piotrkowska 104');
    await user.click(await screen.findByRole('option', { name: 'Piotrkowska 104' }));
    await user.click(next());
    await user.type(await screen.findByLabelText('Tytuł'), 'Złamana gałąź');
    await user.type(screen.getByLabelText('Opis problemu'), 'Leży na chodniku.');
    await user.click(next());
    await user.upload(screen.getByLabelText(/^Dodaj zdjęcia z urządzenia/), [
      new File(['jpeg'], 'galaz.jpg', { type: 'image/jpeg' }),
      new File(['heic'], 'galaz.heic', { type: 'image/heic' }),
    ]);
    expect(screen.getAllByRole('img')).toHaveLength(2);
    await user.click(next());
    await user.click(next());
    await user.click(screen.getByRole('button', { name: 'Wyślij zgłoszenie' }));

    // The place step is the first with a wrong field; its error is on the address field, focused.
    await waitFor(() => {
      expect(stepHeading()).toHaveTextContent('Krok 2 z 6: Miejsce');
    });
    const address = screen.getByRole('combobox', { name: 'Adres' });
    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(address).toHaveAccessibleDescription(expect.stringContaining('To miejsce leży poza granicami miasta.'));
    await waitFor(() => {
      expect(address).toHaveFocus();
    });
    // The photo error belongs to another step: it is not this step's alert.
    expect(screen.queryByText(/nie jest zdjęciem/)).not.toBeInTheDocument();

    // What was sent: multipart, the issue as JSON and both photos, with a key against duplicates.
    const [first] = api.requests.filter((request) => request.method === 'POST');
    if (!first) throw new Error('nothing was sent');
    const firstKey = first.headers.get('Idempotency-Key');
    expect(firstKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const form = await first.formData();
    // Parts are read back as Node's own File objects, not jsdom's.
    const issue = form.get('issue') as { text: () => Promise<string> } | null;
    expect(JSON.parse((await issue?.text()) ?? '')).toMatchObject({
      category: 'greenery',
      title: 'Złamana gałąź',
      location: { lat: piotrkowska.lat, lon: piotrkowska.lon },
      address: 'Piotrkowska 104',
      contact: null,
      language: 'pl',
    });
    expect(form.getAll('photos')).toHaveLength(2);

    // On through the steps: the second photo carries its error, the first does not.
    await user.click(next());
    await user.click(await screen.findByRole('button', { name: 'Dalej' }));
    expect(stepHeading()).toHaveTextContent('Krok 4 z 6: Zdjęcia');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Zdjęcie 2: Ten plik nie jest zdjęciem w obsługiwanym formacie');
    expect(alert).toHaveFocus();
    const [photoOne, photoTwo] = within(screen.getByRole('list', { name: 'Dołączone zdjęcia' })).getAllByRole('listitem');
    expect(photoOne).not.toHaveTextContent('nie jest zdjęciem');
    expect(within(photoTwo as HTMLElement).getByRole('button', { name: 'Usuń zdjęcie 2' })).toHaveAccessibleDescription(
      'Ten plik nie jest zdjęciem w obsługiwanym formacie (JPEG, PNG, WebP).',
    );

    await user.click(screen.getByRole('button', { name: 'Usuń zdjęcie 2' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getAllByRole('img')).toHaveLength(1);
    await user.click(next());
    await user.click(next());
    await user.click(screen.getByRole('button', { name: 'Wyślij zgłoszenie' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Zgłoszenie zostało przyjęte' })).toHaveFocus();
    expect(screen.getByText('2026/000123')).toBeInTheDocument();
    expect(screen.getByLabelText('Twój link do śledzenia')).toHaveValue('http://localhost:3000/track/secret-tracking-token-0123456789');
    expect(screen.getByRole('link', { name: 'Otwórz stronę śledzenia' })).toHaveAttribute('href', '/track/secret-tracking-token-0123456789');
    // Another content is another submission: a new key.
    const second = api.requests.filter((request) => request.method === 'POST')[1];
    expect(second?.headers.get('Idempotency-Key')).not.toBe(firstKey);
  });
});
