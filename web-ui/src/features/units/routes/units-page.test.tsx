import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import type { Unit } from '@/lib/issues/types';
import { jsonResponse, problemResponse, renderRoutes } from '@/testing/test-utils';
import { UnitsPage } from './units-page';

const units: Unit[] = [
  {
    id: '0b8f4b8e-54a4-4c59-9d1c-8a1f0f6f7a01',
    slug: 'zdit',
    name: 'Zarząd Dróg i Transportu',
    short_name: 'ZDiT',
    kind: 'municipal_body',
    address: 'ul. Piotrkowska 175, 90-447 Łódź',
    email: 'sekretariat@zdit.example.pl',
    phone: '+48 42 638 40 00',
    website: 'https://zdit.example.pl/',
  },
  {
    id: '0b8f4b8e-54a4-4c59-9d1c-8a1f0f6f7a02',
    slug: 'wydzial-ochrony-srodowiska',
    name: 'Wydział Ochrony Środowiska i Klimatu',
    short_name: null,
    kind: 'department',
    address: null,
    email: null,
    phone: null,
    website: 'javascript:alert(1)',
  },
];

function renderUnitsPage() {
  return renderRoutes([{ path: '/units', element: <UnitsPage /> }], '/units');
}

describe('UnitsPage', () => {
  it('lists the units the API returns', async () => {
    const fetchMock = vi.fn<typeof fetch>(() => Promise.resolve(jsonResponse({ items: units })));
    vi.stubGlobal('fetch', fetchMock);

    renderUnitsPage();

    expect(screen.getByRole('heading', { level: 1, name: 'Jednostki miasta' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Wczytywanie listy jednostek');

    const first = await screen.findByRole('article', { name: 'Zarząd Dróg i Transportu' });
    expect(within(first).getByText('ZDiT')).toBeInTheDocument();
    expect(within(first).getByText('Jednostka miejska')).toBeInTheDocument();
    expect(within(first).getByText('ul. Piotrkowska 175, 90-447 Łódź')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'sekretariat@zdit.example.pl' })).toHaveAttribute(
      'href',
      'mailto:sekretariat@zdit.example.pl',
    );
    expect(within(first).getByRole('link', { name: '+48 42 638 40 00' })).toHaveAttribute('href', 'tel:+48426384000');
    expect(within(first).getByRole('link', { name: 'https://zdit.example.pl/' })).toBeInTheDocument();

    const second = screen.getByRole('article', { name: 'Wydział Ochrony Środowiska i Klimatu' });
    expect(within(second).getByText('Wydział urzędu miasta')).toBeInTheDocument();
    // A website that is not an http(s) address is never turned into a link.
    expect(within(second).queryByRole('link')).not.toBeInTheDocument();

    expect(screen.getByText('2 jednostki')).toBeInTheDocument();
    expect(document.title).toBe('Jednostki miasta – Kontakt');

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const request = fetchMock.mock.calls[0]?.[0];
    expect(request).toBeInstanceOf(Request);
    expect((request as Request).method).toBe('GET');
    expect(new URL((request as Request).url).pathname).toBe('/api/v1/units');
  });

  it('shows an error when the API answers with a problem', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          problemResponse({
          type: 'urn:kontakt:problem:internal',
          title: 'Internal Server Error',
          status: 500,
          detail: 'The server could not complete the request.',
            code: 'internal',
          }),
        ),
      ),
    );

    renderUnitsPage();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nie udało się wczytać listy jednostek.');
    expect(within(alert).getByRole('button', { name: 'Spróbuj ponownie' })).toBeInTheDocument();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
  });

  it('formats the count in the current language', async () => {
    const [, template] = units;
    const many = Array.from({ length: 1234 }, (_, i) => ({ ...template, id: `id-${String(i)}` }));
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(jsonResponse({ items: many }))));
    await i18n.changeLanguage('en');

    renderUnitsPage();

    expect(await screen.findByText('1,234 units')).toBeInTheDocument();
  });
});
