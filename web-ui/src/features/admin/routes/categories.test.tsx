import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, problemResponse, renderRoutes } from '@/testing/test-utils';
import type { Category } from '../api/categories';
import { CategoriesPage } from './categories-page';
import { CategoryPage } from './category-page';
import { NewCategoryPage } from './new-category-page';

const ZDIT = '0b8f4b8e-54a4-4c59-9d1c-8a1f0f6f7a01';
const units = [{ id: ZDIT, slug: 'zdit', name: 'Zarząd Dróg i Transportu', kind: 'municipal_body' }];

const roadDamage: Category = {
  id: 'c1',
  slug: 'road-damage',
  name_pl: 'Uszkodzona nawierzchnia',
  name_en: 'Road damage',
  group_pl: 'Drogi i chodniki',
  group_en: 'Roads and pavements',
  kind: 'problem',
  unit_id: ZDIT,
  delivery: 'automatic',
  location_required: true,
  active: true,
  position: 10,
  fields: [
    { key: 'size_cm', type: 'number', order: 2, label_pl: 'Średnica', label_en: 'Width', min: 1 },
    { key: 'surface', type: 'select', required: true, order: 1, label_pl: 'Gdzie', label_en: 'Where', options: [{ value: 'road', label_pl: 'Jezdnia', label_en: 'Road' }] },
  ],
};

const winter: Category = {
  ...roadDamage,
  id: 'c2',
  slug: 'winter',
  name_pl: 'Zimowe utrzymanie',
  name_en: 'Winter maintenance',
  delivery: 'via_operator',
  active: false,
  position: 20,
  valid_from: '2026-11-01T00:00:00Z',
  fields: [],
};

const routes = [
  { path: '/admin/categories', element: <CategoriesPage /> },
  { path: '/admin/categories/new', element: <NewCategoryPage /> },
  { path: '/admin/categories/:slug', element: <CategoryPage /> },
];

describe('category administration', () => {
  it('lists every category under its group with its unit, delivery and availability', async () => {
    const api = fakeApi({
      'GET /api/v1/categories': () => jsonResponse({ items: [winter, roadDamage] }),
      'GET /api/v1/units': () => jsonResponse({ items: units }),
    });
    renderRoutes(routes, '/admin/categories');

    const group = await screen.findByRole('region', { name: 'Drogi i chodniki' });
    const rows = within(group).getAllByRole('row');
    expect(rows.map((row) => within(row).queryByRole('link')?.textContent)).toEqual([
      undefined,
      'Uszkodzona nawierzchnia',
      'Zimowe utrzymanie',
    ]);
    await within(group).findAllByText('Zarząd Dróg i Transportu');
    expect(rows[2]).toHaveTextContent('przez operatora');
    expect(rows[2]).toHaveTextContent('nieaktywna');
    expect(rows[2]).toHaveTextContent('od 1 listopada 2026');
    expect(new URL(api.requests[0]?.url ?? '').searchParams.get('all')).toBe('true');
  });

  it('creates a category with a select field, showing the API’s errors at their inputs', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /api/v1/categories': () => jsonResponse({ items: [roadDamage] }),
      'GET /api/v1/units': () => jsonResponse({ items: units }),
      'POST /api/v1/categories': [
        () =>
          problemResponse({
            type: 'urn:kontakt:problem:validation_failed',
            title: 'Unprocessable Entity',
            status: 422,
            detail: 'Invalid fields.',
            code: 'validation_failed',
            errors: [
              { field: 'name_en', code: 'required', message: 'This field is required.' },
              { field: 'fields[0].key', code: 'invalid', message: 'Keys are a–z.' },
            ],
          }),
        () => jsonResponse({ ...roadDamage, id: 'c3', slug: 'benches', name_pl: 'Ławki', position: 20 }, 201),
      ],
    });
    renderRoutes(routes, '/admin/categories/new');

    await user.type(await screen.findByLabelText('Identyfikator'), 'benches');
    await user.type(screen.getByLabelText('Nazwa po polsku'), 'Ławki');
    await user.type(screen.getByLabelText('Grupa po polsku'), 'Zieleń');
    await user.type(screen.getByLabelText('Grupa po angielsku'), 'Greenery');
    await user.selectOptions(screen.getByLabelText('Jednostka obsługująca'), 'Zarząd Dróg i Transportu');
    expect(screen.getByLabelText('Kolejność na liście (nieobowiązkowe)')).toHaveValue(20);

    await user.click(screen.getByRole('button', { name: 'Dodaj pole' }));
    const field = screen.getByRole('group', { name: 'Pole 1: nowe pole' });
    expect(within(field).getByLabelText('Klucz')).toHaveFocus();
    await user.type(within(field).getByLabelText('Klucz'), 'Stan');
    await user.selectOptions(within(field).getByLabelText('Rodzaj pola'), 'select');
    await user.type(within(field).getByLabelText('Etykieta po polsku'), 'Stan ławki');
    await user.type(within(field).getByLabelText('Etykieta po angielsku'), 'State');
    await user.click(within(field).getByLabelText('Pole wymagane'));

    // An option without a value or labels is refused before sending.
    await user.click(screen.getByRole('button', { name: 'Dodaj kategorię' }));
    expect(api.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
    const value = within(field).getByLabelText('Opcja 1: wartość');
    expect(value).toHaveFocus();
    expect(value).toHaveAccessibleDescription('To pole jest wymagane.');

    await user.type(value, 'broken');
    await user.type(within(field).getByLabelText('Opcja 1: etykieta po polsku'), 'Złamana');
    await user.type(within(field).getByLabelText('Opcja 1: etykieta po angielsku'), 'Broken');
    await user.click(screen.getByRole('button', { name: 'Dodaj kategorię' }));

    const nameEn = screen.getByLabelText('Nazwa po angielsku');
    expect(await screen.findByText('Formularz zawiera błędy. Popraw zaznaczone pola i wyślij go ponownie.')).toBeInTheDocument();
    expect(nameEn).toHaveFocus();
    expect(nameEn).toHaveAccessibleDescription('To pole jest wymagane.');
    expect(within(field).getByLabelText('Klucz')).toHaveAccessibleDescription(/Ta wartość jest niepoprawna\.$/);

    await user.type(nameEn, 'Benches');
    await user.clear(within(field).getByLabelText('Klucz'));
    await user.type(within(field).getByLabelText('Klucz'), 'state');
    await user.click(screen.getByRole('button', { name: 'Dodaj kategorię' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Kategorie zgłoszeń' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Kategoria „Ławki” została dodana.');
    const [, sent] = await api.bodies('POST /api/v1/categories');
    expect(sent).toEqual({
      slug: 'benches',
      name_pl: 'Ławki',
      name_en: 'Benches',
      group_pl: 'Zieleń',
      group_en: 'Greenery',
      description_pl: null,
      description_en: null,
      kind: 'problem',
      unit_id: ZDIT,
      delivery: 'automatic',
      location_required: true,
      active: true,
      valid_from: null,
      valid_until: null,
      position: 20,
      fields: [
        {
          key: 'state',
          type: 'select',
          required: true,
          order: 1,
          label_pl: 'Stan ławki',
          label_en: 'State',
          options: [{ value: 'broken', label_pl: 'Złamana', label_en: 'Broken' }],
        },
      ],
    });
  });

  it('reorders fields with buttons, keeping the focus on the moved field, and saves the whole category', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /api/v1/categories': () => jsonResponse({ items: [roadDamage] }),
      'GET /api/v1/units': () => jsonResponse({ items: units }),
      'PATCH /api/v1/categories/road-damage': (request) => request.json().then((body) => jsonResponse({ ...roadDamage, ...(body as object) })),
    });
    renderRoutes(routes, '/admin/categories/road-damage');

    expect(await screen.findByRole('heading', { level: 1, name: 'Kategoria: Uszkodzona nawierzchnia' })).toBeInTheDocument();
    expect(await screen.findByLabelText('Identyfikator')).toHaveAttribute('readonly');
    const groups = () => screen.getAllByText(/^Pole \d+:/, { selector: 'legend' }).map((legend) => legend.textContent);
    expect(groups()).toEqual(['Pole 1: Gdzie', 'Pole 2: Średnica']);
    expect(screen.getByRole('button', { name: 'W górę: pole 1' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'W dół: pole 1' }));
    expect(groups()).toEqual(['Pole 1: Średnica', 'Pole 2: Gdzie']);
    // The moved field is now last: its "down" is disabled, so its "up" has the focus.
    expect(screen.getByRole('button', { name: 'W górę: pole 2' })).toHaveFocus();
    expect(screen.getByText('Pole „Gdzie” jest teraz na pozycji 2 z 2.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Usuń pole 1' }));
    expect(groups()).toEqual(['Pole 1: Gdzie']);
    expect(screen.getByRole('button', { name: 'Dodaj pole' })).toHaveFocus();

    await user.click(screen.getByLabelText('Aktywna'));
    await user.click(screen.getByRole('button', { name: 'Zapisz zmiany' }));
    expect(await screen.findByText('Zmiany zostały zapisane.')).toBeInTheDocument();
    const [sent] = await api.bodies('PATCH /api/v1/categories/road-damage');
    expect(sent).toMatchObject({
      slug: 'road-damage',
      active: false,
      position: 10,
      fields: [{ key: 'surface', order: 1, required: true, options: [{ value: 'road', label_pl: 'Jezdnia', label_en: 'Road' }] }],
    });
  });
});
