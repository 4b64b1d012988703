import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@/testing/fake-api';
import { jsonResponse, renderRoutes } from '@/testing/test-utils';
import type { PublicRow, PublicStatistics } from '../api/stats';
import { PublicStatsPage } from './public-stats-page';

function row(
  unit: string | null,
  name: string,
  counts: { filed: number; finished: number },
  shares: { verification: number | null; start: number | null },
  medians: { accept: number | null; finish: number | null },
): PublicRow {
  const compliance = (share: number | null) => ({ met: share === null ? 0 : 3, missed: share === null ? 0 : 1, share });
  return {
    unit,
    name,
    ...counts,
    verification: compliance(shares.verification),
    start: compliance(shares.start),
    days_to_accept: { count: 4, median: medians.accept, p90: null },
    days_to_finish: { count: 4, median: medians.finish, p90: null },
  };
}

const statistics: PublicStatistics = {
  range: { from: '2025-12-03', to: '2026-12-02' },
  city: row(null, 'Łódź', { filed: 52, finished: 30 }, { verification: 0.8, start: 0.75 }, { accept: 2, finish: 11 }),
  units: [
    row('zdit', 'Zarząd Dróg i Transportu', { filed: 40, finished: 25 }, { verification: 0.875, start: 0.75 }, { accept: 2, finish: 9 }),
    // A unit with nothing verified or finished yet: dashes, never 0 % or 0 days.
    row('zzm', 'Zarząd Zieleni Miejskiej', { filed: 12, finished: 0 }, { verification: null, start: null }, { accept: null, finish: null }),
  ],
};

function renderPublicStats(path = '/stats') {
  return renderRoutes([{ path: '/stats', element: <PublicStatsPage /> }], path);
}

function cellsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((tableRow) => [...tableRow.querySelectorAll('th, td')].map((cell) => cell.textContent));
}

describe('the public statistics page', () => {
  it('lists each unit and the whole city, with the chart’s numbers in its table and the open data', async () => {
    const user = userEvent.setup();
    fakeApi({ 'GET /api/v1/stats/public': () => jsonResponse(statistics) });
    renderPublicStats();

    expect(await screen.findByText('Zgłoszenia, które wpłynęły od 3 grudnia 2025 do 2 grudnia 2026.')).toBeInTheDocument();
    const units = screen.getByRole('region', { name: 'Jednostki' });
    expect(cellsOf(within(units).getByRole('table', { name: 'Zgłoszenia i terminy według jednostek' }))).toEqual([
      [
        'Jednostka',
        'Wpłynęło',
        'Zakończone',
        'Zweryfikowane w terminie',
        'Rozpoczęte w terminie',
        'Mediana dni do przyjęcia',
        'Mediana dni do zakończenia',
      ],
      ['Zarząd Dróg i Transportu', '40', '25', '87,5%', '75%', '2', '9'],
      ['Zarząd Zieleni Miejskiej', '12', '0', '—', '—', '—', '—'],
      ['Całe miasto (Łódź)', '52', '30', '80%', '75%', '2', '11'],
    ]);

    const chart = screen.getByRole('region', { name: 'Weryfikacja w terminie według jednostek' });
    expect(within(chart).getByRole('img', { name: /^Wykres słupkowy: odsetek publicznych zgłoszeń/ })).toBeInTheDocument();
    await user.click(within(chart).getByText('Pokaż dane wykresu w tabeli'));
    const table = within(chart).getByRole('table', { name: 'Weryfikacja w terminie według jednostek' });
    expect(table).toBeVisible();
    expect(cellsOf(table)).toEqual([
      ['Jednostka', 'Zweryfikowane w terminie'],
      ['Zarząd Dróg i Transportu', '87,5%'],
      ['Zarząd Zieleni Miejskiej', '—'],
    ]);

    const openData = screen.getByRole('region', { name: 'Otwarte dane' });
    expect(within(openData).getByRole('link', { name: 'CSV' })).toHaveAttribute(
      'href',
      '/api/v1/issues/export?format=csv&from=2025-12-03&to=2026-12-02',
    );
    expect(within(openData).getByRole('link', { name: 'GeoJSON' })).toHaveAttribute(
      'href',
      '/api/v1/issues/export?format=geojson&from=2025-12-03&to=2026-12-02',
    );
  });

  it('asks for the chosen range and keeps it in the address', async () => {
    const user = userEvent.setup();
    const api = fakeApi({
      'GET /api/v1/stats/public': [
        () => jsonResponse(statistics),
        () => jsonResponse({ ...statistics, range: { from: '2026-01-01', to: '2026-06-30' } }),
      ],
    });
    const { router } = renderPublicStats();

    await screen.findByText('Zgłoszenia, które wpłynęły od 3 grudnia 2025 do 2 grudnia 2026.');
    // The public page has no other filters.
    expect(screen.queryByLabelText('Jednostka')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Wpłynęły od dnia/), '2026-01-01');
    await user.type(screen.getByLabelText(/^Wpłynęły do dnia/), '2026-06-30');
    await user.click(screen.getByRole('button', { name: 'Pokaż' }));

    expect(await screen.findByText('Zgłoszenia, które wpłynęły od 1 stycznia 2026 do 30 czerwca 2026.')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?from=2026-01-01&to=2026-06-30');
    await waitFor(() => {
      expect(api.requests.map((request) => new URL(request.url).search)).toEqual(['', '?from=2026-01-01&to=2026-06-30']);
    });
  });
});
