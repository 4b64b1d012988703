import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { ISSUE_STATUSES, type City, type Unit } from '@/lib/issues/types';
import { fakeApi } from '@/testing/fake-api';
import { roadDamage } from '@/testing/issue-fixtures';
import { jsonResponse, renderRoutes } from '@/testing/test-utils';
import type { Figures, Statistics } from '../api/stats';
import { StatsPage } from './stats-page';

const units: Unit[] = [
  { id: 'u1', slug: 'zdit', name: 'Zarząd Dróg i Transportu', kind: 'municipal_body' },
  { id: 'u2', slug: 'zzm', name: 'Zarząd Zieleni Miejskiej', kind: 'municipal_body' },
];

const city: City = {
  name: 'Łódź',
  boundary: { type: 'Polygon', coordinates: [[[19.3, 51.7], [19.6, 51.7], [19.6, 51.85], [19.3, 51.85], [19.3, 51.7]]] } as unknown as City['boundary'],
  bbox: [19.3, 51.7, 19.6, 51.85],
  center: [51.77, 19.46],
  map: { tile_url: 'https://tiles.example/{z}/{x}/{y}.png', attribution: 'tiles' },
};

const [NEW, ACCEPTED, IN_PROGRESS, DONE, CLOSED] = [0, 1, 2, 3, 4];

/** Figures with `statuses` in workflow order; shares and times as given (null: nothing to measure). */
function figures(
  statuses: readonly number[],
  shares: { verification: number | null; start: number | null },
  days: { accept: [number | null, number | null]; finish: [number | null, number | null] },
): Figures {
  const count = (index: number) => statuses[index] ?? 0;
  const compliance = (share: number | null) => ({ met: share === null ? 0 : 7, missed: share === null ? 0 : 1, share });
  return {
    filed: statuses.reduce((sum, value) => sum + value, 0),
    statuses: { new: count(NEW), accepted: count(ACCEPTED), in_progress: count(IN_PROGRESS), done: count(DONE), closed: count(CLOSED) },
    verification: compliance(shares.verification),
    start: compliance(shares.start),
    closure: compliance(null),
    days_to_accept: { count: 5, median: days.accept[0], p90: days.accept[1] },
    days_to_finish: { count: 5, median: days.finish[0], p90: days.finish[1] },
  };
}

const nothingMeasured = { verification: null, start: null };
const noTimes = { accept: [null, null], finish: [null, null] } as const satisfies Parameters<typeof figures>[2];

const stats: Statistics = {
  range: { from: '2026-10-01', to: '2026-12-02' },
  total: figures([9, 3, 10, 12, 6], { verification: 0.9, start: 0.5 }, { accept: [2, 3], finish: [12, 25] }),
  by_month: [
    { key: '2026-10', name: '2026-10', ...figures([1, 2, 3, 4, 5], nothingMeasured, noTimes) },
    { key: '2026-11', name: '2026-11', ...figures([6, 0, 7, 8, 1], nothingMeasured, noTimes) },
    { key: '2026-12', name: '2026-12', ...figures([2, 1, 0, 0, 0], nothingMeasured, noTimes) },
  ],
  by_unit: [
    {
      key: 'zdit',
      name: 'Zarząd Dróg i Transportu',
      ...figures([5, 2, 8, 10, 5], { verification: 0.875, start: 0.5 }, { accept: [2, 4], finish: [12, 25] }),
    },
    {
      key: 'zzm',
      name: 'Zarząd Zieleni Miejskiej',
      ...figures([4, 1, 2, 2, 1], { verification: 1, start: null }, { accept: [1, 2], finish: [null, null] }),
    },
  ],
  by_category: [{ key: 'road-damage', name: 'Uszkodzona nawierzchnia', ...figures([9, 3, 10, 12, 6], nothingMeasured, noTimes) }],
  by_channel: [
    { key: 'web', name: 'web', ...figures([8, 3, 9, 10, 5], nothingMeasured, noTimes) },
    { key: 'phone', name: 'phone', ...figures([1, 0, 1, 2, 1], nothingMeasured, noTimes) },
  ],
  backlog: [
    { unit: 'zdit', name: 'Zarząd Dróg i Transportu', open: 12, overdue: 3 },
    { unit: 'zzm', name: 'Zarząd Zieleni Miejskiej', open: 4, overdue: 0 },
  ],
  support_leaders: [
    { number: '2026/000123', title: 'Dziura na Piotrkowskiej', status: 'accepted', unit: 'zdit', category: 'road-damage', support_count: 7 },
  ],
  // 0–30 working days; the last bar counts 30 or more.
  finish_distribution: Array.from({ length: 31 }, (_, days) => ({ days, count: days < 5 ? days + 1 : days === 30 ? 2 : 0 })),
};

/** The same figures for Zarząd Zieleni Miejskiej alone: nothing was verified or finished yet. */
const greeneryStats: Statistics = {
  ...stats,
  total: figures([4, 1, 2, 2, 1], nothingMeasured, noTimes),
  by_unit: [{ key: 'zzm', name: 'Zarząd Zieleni Miejskiej', ...figures([4, 1, 2, 2, 1], nothingMeasured, noTimes) }],
  backlog: [{ unit: 'zzm', name: 'Zarząd Zieleni Miejskiej', open: 4, overdue: 0 }],
  support_leaders: [],
};

const heatmap = { cell_size: 0.005, cells: [{ lat: 51.765, lon: 19.455, count: 4 }, { lat: 51.77, lon: 19.46, count: 9 }] };

function api(statistics: Statistics[] = [stats]) {
  return fakeApi({
    'GET /api/v1/stats': statistics.map((body) => () => jsonResponse(body)),
    'GET /api/v1/stats/heatmap': () => jsonResponse(heatmap),
    'GET /api/v1/units': () => jsonResponse({ items: units }),
    'GET /api/v1/categories': () => jsonResponse({ items: [roadDamage] }),
    'GET /api/v1/city': () => jsonResponse(city),
  });
}

function renderStats(path = '/console/stats') {
  return renderRoutes([{ path: '/console/stats', element: <StatsPage /> }], path);
}

/** A table's rows as the text of their cells, header rows included. */
function cellsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
}

/** The value of a headline figure, by its label. */
function headline(label: string): string | null | undefined {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
}

/** Opens a section's "show as table" and returns the chart's table. */
async function chartTable(user: ReturnType<typeof userEvent.setup>, section: string): Promise<HTMLElement> {
  const region = await screen.findByRole('region', { name: section });
  await user.click(within(region).getByText('Pokaż dane wykresu w tabeli'));
  const table = within(region).getByRole('table', { name: section });
  expect(table).toBeVisible();
  return table;
}

/** jsdom lays nothing out: charts are told they have room, so that they draw their bars. */
function giveChartsRoom() {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(target: Element) {
        const entry = { target, contentRect: { width: 600, height: 300 } } as unknown as ResizeObserverEntry;
        this.callback([entry], this);
      }
      unobserve() {}
      disconnect() {}
    },
  );
}

/** The bars a section's chart drew (a bar of 0 or of nothing measured is not drawn). */
function barsIn(section: string): number {
  return screen.getByRole('img', { name: new RegExp(`^${section}`) }).querySelectorAll('.recharts-bar-rectangle').length;
}

function queryOf(requests: readonly Request[], path: string): URLSearchParams[] {
  return requests.filter((request) => new URL(request.url).pathname === path).map((request) => new URL(request.url).searchParams);
}

describe('the staff statistics page', () => {
  it('names every chart and shows the numbers it was given in its table', async () => {
    const user = userEvent.setup();
    api();
    renderStats();

    expect(await screen.findByText('Zgłoszenia, które wpłynęły od 1 października 2026 do 2 grudnia 2026.')).toBeInTheDocument();
    expect(headline('Zgłoszenia w okresie')).toBe('40');
    expect(headline('Otwarte dziś')).toBe('16');
    expect(headline('Po terminie dziś')).toBe('3');
    expect(headline('Zweryfikowane w terminie')).toBe('90%');
    expect(headline('Mediana dni do przyjęcia')).toBe('2');
    expect(headline('Mediana dni do zakończenia')).toBe('12');

    const months = screen.getByRole('region', { name: 'Zgłoszenia w kolejnych miesiącach' });
    expect(within(months).getByRole('img', { name: /^Wykres słupkowy: liczba zgłoszeń/ })).toBeInTheDocument();
    const monthNames = ['paź 2026', 'lis 2026', 'gru 2026'];
    expect(cellsOf(await chartTable(user, 'Zgłoszenia w kolejnych miesiącach'))).toEqual([
      ['Miesiąc', 'Nowe', 'Przyjęte', 'W realizacji', 'Załatwione', 'Zamknięte'],
      ...stats.by_month.map((row, index) => [monthNames[index], ...ISSUE_STATUSES.map((status) => String(row.statuses[status]))]),
    ]);

    expect(cellsOf(await chartTable(user, 'Terminy w jednostkach'))).toEqual([
      ['Jednostka', 'Zweryfikowane w terminie', 'Rozpoczęte w terminie'],
      ['Zarząd Dróg i Transportu', '87,5%', '50%'],
      ['Zarząd Zieleni Miejskiej', '100%', '—'],
    ]);

    const finish = cellsOf(await chartTable(user, 'Czas do zakończenia'));
    expect(finish).toHaveLength(1 + stats.finish_distribution.length);
    expect(finish.slice(0, 3)).toEqual([
      ['Dni robocze', 'Zakończone zgłoszenia'],
      ['0', '1'],
      ['1', '2'],
    ]);
    expect(finish.at(-1)).toEqual(['30 i więcej', '2']);
  });

  it('draws the charts from the same rows as their tables', async () => {
    giveChartsRoom();
    api();
    renderStats();

    await screen.findByRole('region', { name: 'Zgłoszenia w kolejnych miesiącach' });
    const nonZero = (values: readonly (number | null)[]) => values.filter((value) => value !== null && value > 0).length;
    expect(barsIn('Wykres słupkowy: liczba zgłoszeń')).toBe(
      nonZero(stats.by_month.flatMap((row) => ISSUE_STATUSES.map((status) => row.statuses[status]))),
    );
    expect(barsIn('Wykres słupkowy: odsetek zgłoszeń')).toBe(
      nonZero(stats.by_unit.flatMap((row) => [row.verification.share ?? null, row.start.share ?? null])),
    );
    expect(barsIn('Wykres słupkowy: ile zgłoszeń')).toBe(nonZero(stats.finish_distribution.map((bar) => bar.count)));
  });

  it('shows the breakdowns, the backlog and the most supported issues', async () => {
    api();
    renderStats();

    const byUnit = await screen.findByRole('region', { name: 'Według jednostek' });
    expect(cellsOf(within(byUnit).getByRole('table')).slice(2)).toEqual([
      ['Zarząd Dróg i Transportu', '30', '5', '2', '8', '10', '5', '87,5%', '50%', '2 / 4', '12 / 25'],
      // Nothing measured: a dash, never 0 % or 0 days.
      ['Zarząd Zieleni Miejskiej', '10', '4', '1', '2', '2', '1', '100%', '—', '1 / 2', '— / —'],
    ]);
    const byCategory = screen.getByRole('region', { name: 'Według kategorii' });
    // Named from the list of categories (the API's rows carry only the Polish name).
    expect(within(byCategory).getByRole('rowheader', { name: 'Uszkodzona nawierzchnia drogi' })).toBeInTheDocument();
    const byChannel = screen.getByRole('region', { name: 'Według kanałów' });
    expect(within(byChannel).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Strona internetowa', 'Telefon']);

    const backlog = screen.getByRole('region', { name: 'Zaległości w jednostkach' });
    expect(cellsOf(within(backlog).getByRole('table'))).toEqual([
      ['Jednostka', 'Otwarte', 'Po terminie'],
      ['Zarząd Dróg i Transportu', '12', '3'],
      ['Zarząd Zieleni Miejskiej', '4', '0'],
    ]);

    const leaders = screen.getByRole('region', { name: 'Najczęściej popierane zgłoszenia' });
    expect(within(leaders).getByRole('link', { name: 'Dziura na Piotrkowskiej' })).toHaveAttribute('href', '/issues/2026-000123');
    expect(within(leaders).getAllByRole('row')[1]).toHaveTextContent(/Zarząd Dróg i Transportu.*Uszkodzona nawierzchnia drogi.*Przyjęte.*7/);

    const heat = screen.getByRole('region', { name: 'Mapa zgłoszeń' });
    expect(cellsOf(await within(heat).findByRole('table', { name: 'Obszary z największą liczbą zgłoszeń' }))).toEqual([
      ['Środek obszaru (szerokość, długość geograficzna)', 'Zgłoszenia'],
      ['51,7700, 19,4600', '9'],
      ['51,7650, 19,4550', '4'],
    ]);
  });

  it('asks for the chosen filter, keeps it in the address and shows its figures', async () => {
    const user = userEvent.setup();
    const server = api([stats, greeneryStats]);
    const { router } = renderStats('/console/stats?channel=phone');

    await screen.findByText('Zgłoszenia, które wpłynęły od 1 października 2026 do 2 grudnia 2026.');
    expect(queryOf(server.requests, '/api/v1/stats').map(String)).toEqual(['channel=phone']);
    expect(screen.getByLabelText('Kanał')).toHaveValue('phone');

    await user.selectOptions(await screen.findByLabelText('Jednostka'), 'Zarząd Zieleni Miejskiej');
    await user.click(screen.getByRole('button', { name: 'Pokaż' }));

    await waitFor(() => {
      expect(headline('Zgłoszenia w okresie')).toBe('10');
    });
    expect(router.state.location.search).toBe('?unit=zzm&channel=phone');
    expect(queryOf(server.requests, '/api/v1/stats').at(-1)?.toString()).toBe('unit=zzm&channel=phone');
    await waitFor(() => {
      expect(queryOf(server.requests, '/api/v1/stats/heatmap').at(-1)?.toString()).toBe('unit=zzm&channel=phone');
    });
    // Nothing verified or finished yet: shares and medians are a dash.
    expect(headline('Zweryfikowane w terminie')).toBe('—');
    expect(headline('Mediana dni do przyjęcia')).toBe('—');
    expect(headline('Mediana dni do zakończenia')).toBe('—');
    expect(screen.getByRole('region', { name: 'Najczęściej popierane zgłoszenia' })).toHaveTextContent(
      'W tym okresie nikt nie poparł żadnego publicznego zgłoszenia.',
    );
  });

  it('refuses a range that ends before it starts without asking the API', async () => {
    const user = userEvent.setup();
    const server = api();
    const { router } = renderStats();

    await screen.findByText('Zgłoszenia, które wpłynęły od 1 października 2026 do 2 grudnia 2026.');
    const from = screen.getByLabelText(/^Wpłynęły od dnia/);
    await user.type(from, '2026-12-01');
    await user.type(screen.getByLabelText(/^Wpłynęły do dnia/), '2026-11-01');
    await user.click(screen.getByRole('button', { name: 'Pokaż' }));

    expect(from).toHaveFocus();
    expect(from).toHaveAccessibleDescription('Początek okresu nie może być późniejszy niż jego koniec.');
    expect(router.state.location.search).toBe('');
    expect(queryOf(server.requests, '/api/v1/stats')).toHaveLength(1);
  });

  it('downloads a breakdown as CSV with the filter shown', async () => {
    const user = userEvent.setup();
    const server = fakeApi({
      'GET /api/v1/stats': () => jsonResponse(stats),
      'GET /api/v1/stats/heatmap': () => jsonResponse(heatmap),
      'GET /api/v1/units': () => jsonResponse({ items: units }),
      'GET /api/v1/categories': () => jsonResponse({ items: [roadDamage] }),
      'GET /api/v1/city': () => jsonResponse(city),
      'GET /api/v1/stats/export': () =>
        new Response('key,name,filed\nzdit,Zarząd Dróg i Transportu,30\n', {
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="kontakt-stats-units-2026-10-01-2026-12-02.csv"' },
        }),
    });
    // jsdom has no object URLs. The revoking one stays after the test: the download revokes its URL later.
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
    });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderStats('/console/stats?from=2026-10-01&category=road-damage');

    const byUnit = await screen.findByRole('region', { name: 'Według jednostek' });
    await user.click(within(byUnit).getByRole('button', { name: 'Pobierz CSV według jednostek' }));

    await waitFor(() => {
      expect(saved).toEqual(['kontakt-stats-units-2026-10-01-2026-12-02.csv']);
    });
    expect(queryOf(server.requests, '/api/v1/stats/export').map(String)).toEqual(['from=2026-10-01&category=road-damage&breakdown=unit']);
  });
});
