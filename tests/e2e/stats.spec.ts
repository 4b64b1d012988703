import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD, accessToken, logIn } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';

/** The operator of Zarząd Dróg i Transportu: statistics are for every member of staff who handles issues. */
const OPERATOR = 'operator.zdit@demo.kontakt.example';
const ZDIT = { slug: 'zarzad-drog-i-transportu', name: 'Zarząd Dróg i Transportu' };
const STATUSES = ['new', 'accepted', 'in_progress', 'done', 'closed'] as const;

type Compliance = { met: number; missed: number; share: number | null };
type Durations = { count: number; median: number | null; p90: number | null };
type Figures = {
  filed: number;
  statuses: Record<(typeof STATUSES)[number], number>;
  verification: Compliance;
  start: Compliance;
  days_to_accept: Durations;
  days_to_finish: Durations;
};
type Row = Figures & { key: string; name: string };
type Statistics = {
  range: { from: string; to: string };
  total: Figures;
  by_unit: Row[];
  by_month: Row[];
  finish_distribution: { days: number; count: number }[];
};
type PublicRow = { unit: string | null; name: string; filed: number; verification: Compliance };
type PublicStatistics = { range: { from: string; to: string }; city: PublicRow; units: PublicRow[] };

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Menu główne' });
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

// Numbers as the Polish UI writes them; "—" where there is nothing to measure.
const count = new Intl.NumberFormat('pl');
const percent = new Intl.NumberFormat('pl', { style: 'percent', maximumFractionDigits: 1 });
const share = (compliance: Compliance) => (compliance.share === null ? '—' : percent.format(compliance.share));
const monthFormat = new Intl.DateTimeFormat('pl', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthName = (key: string) => monthFormat.format(new Date(`${key}-01T00:00:00Z`));

/** Yesterday in the city: issues that other specs file today stay out of the figures compared. */
function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Warsaw' });
}

async function staffStatistics(request: APIRequestContext, token: string, query: Record<string, string>): Promise<Statistics> {
  const response = await request.get('/api/v1/stats', { headers: { Authorization: `Bearer ${token}` }, params: query });
  expect(response.ok()).toBe(true);
  return (await response.json()) as Statistics;
}

/** A table's rows as the text of their cells, header rows included. */
async function cellsOf(table: Locator): Promise<string[][]> {
  await expect(table).toBeVisible();
  return table
    .locator('tr')
    .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim() ?? '')));
}

/** Opens the table alternative of a section's chart; the table is named like the section. */
async function chartTable(page: Page, name: string): Promise<Locator> {
  const region = section(page, name);
  await region.getByText('Pokaż dane wykresu w tabeli').click();
  return region.getByRole('table', { name, exact: true });
}

/** A headline figure's value, by its label. */
const headline = (page: Page, label: string) =>
  section(page, 'Najważniejsze liczby').getByText(label, { exact: true }).locator('xpath=following-sibling::dd[1]');

/** Applies the filters form. */
async function show(page: Page) {
  await page.getByRole('search', { name: /^(Filtry statystyk|Statistics filters)$/ }).getByRole('button', { name: 'Pokaż' }).click();
}

test.describe('statistics', () => {
  test('the staff dashboard shows the demo year, follows a unit filter and its chart tables match the API', async ({ page, request }) => {
    test.slow();
    const token = await accessToken(request, OPERATOR);
    const until = yesterday();

    await logIn(page, OPERATOR, DEMO_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'Statystyki' }).click();
    await expect(page).toHaveURL('/console/stats');
    await expect(heading(page)).toHaveText('Statystyki');
    await expect(page.getByText(/^Zgłoszenia, które wpłynęły od \d+ \S+ \d{4} do \d+ \S+ \d{4}\.$/)).toBeVisible();

    // The whole city up to yesterday: the demo history is there.
    await page.getByLabel(/^Wpłynęły do dnia/).fill(until);
    await show(page);
    await expect(page).toHaveURL(`/console/stats?to=${until}`);
    const city = await staffStatistics(request, token, { to: until });
    expect(city.total.filed).toBeGreaterThan(100);
    await expect(headline(page, 'Zgłoszenia w okresie')).toHaveText(count.format(city.total.filed));

    // One unit: other figures, from the API with the same filters.
    await page.getByLabel('Jednostka', { exact: true }).selectOption({ label: ZDIT.name });
    await show(page);
    await expect(page).toHaveURL(`/console/stats?to=${until}&unit=${ZDIT.slug}`);
    const unit = await staffStatistics(request, token, { to: until, unit: ZDIT.slug });
    expect(unit.total.filed).toBeGreaterThan(0);
    expect(unit.total.filed).toBeLessThan(city.total.filed);
    await expect(headline(page, 'Zgłoszenia w okresie')).toHaveText(count.format(unit.total.filed));
    await expect(headline(page, 'Zweryfikowane w terminie')).toHaveText(share(unit.total.verification));

    // Each chart's table holds the numbers the API gave.
    expect(await cellsOf(await chartTable(page, 'Zgłoszenia w kolejnych miesiącach'))).toEqual([
      ['Miesiąc', 'Nowe', 'Przyjęte', 'W realizacji', 'Załatwione', 'Zamknięte'],
      ...unit.by_month.map((row) => [monthName(row.key), ...STATUSES.map((status) => count.format(row.statuses[status]))]),
    ]);
    expect(await cellsOf(await chartTable(page, 'Terminy w jednostkach'))).toEqual([
      ['Jednostka', 'Zweryfikowane w terminie', 'Rozpoczęte w terminie'],
      ...unit.by_unit.map((row) => [row.name, share(row.verification), share(row.start)]),
    ]);
    expect(unit.by_unit.map((row) => row.key)).toEqual([ZDIT.slug]);
    const last = unit.finish_distribution.length - 1;
    expect(await cellsOf(await chartTable(page, 'Czas do zakończenia'))).toEqual([
      ['Dni robocze', 'Zakończone zgłoszenia'],
      ...unit.finish_distribution.map((bar, index) => [
        index === last ? `${count.format(bar.days)} i więcej` : count.format(bar.days),
        count.format(bar.count),
      ]),
    ]);

    // The breakdown as CSV, fetched with the session's token: a header and a row per month.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section(page, 'Zgłoszenia w kolejnych miesiącach').getByRole('button', { name: 'Pobierz CSV według miesięcy' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`kontakt-stats-months-${unit.range.from}-${unit.range.to}.csv`);
    const csv = (await readFile(await download.path(), 'utf8')).trim().split('\n');
    expect(csv[0]).toMatch(/^key,name,filed,new,accepted,in_progress,done,closed,/);
    expect(csv).toHaveLength(unit.by_month.length + 1);

    // The heat map's table lists the fullest places; the most supported issues link to their pages.
    const heat = section(page, 'Mapa zgłoszeń');
    await expect(heat.getByRole('region', { name: /^Mapa zgłoszeń według obszarów/ })).toBeVisible();
    const places = await cellsOf(heat.getByRole('table', { name: 'Obszary z największą liczbą zgłoszeń' }));
    expect(places.length).toBeGreaterThan(1);
    const leader = section(page, 'Najczęściej popierane zgłoszenia').getByRole('row').nth(1);
    await expect(leader).toContainText(ZDIT.name);
    await expect(leader.getByRole('link')).toHaveAttribute('href', /^\/issues\/\d{4}-\d{6}$/);

    await expectNoAxeViolations(page);
    await page.getByRole('combobox', { name: 'Język', exact: true }).selectOption('en');
    await expect(heading(page)).toHaveText('Statistics');
    await expectNoAxeViolations(page);
  });

  test('the public page, linked from the footer, shows every unit with the API’s figures', async ({ page, request }) => {
    const until = yesterday();
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Statystyki zgłoszeń i otwarte dane' }).click();
    await expect(page).toHaveURL('/stats');
    await expect(heading(page)).toHaveText('Jak miasto odpowiada na zgłoszenia');

    await page.getByLabel(/^Wpłynęły do dnia/).fill(until);
    await show(page);
    await expect(page).toHaveURL(`/stats?to=${until}`);
    const response = await request.get('/api/v1/stats/public', { params: { to: until } });
    expect(response.ok()).toBe(true);
    const figures = (await response.json()) as PublicStatistics;
    expect(figures.units.length).toBeGreaterThan(1);

    const units = section(page, 'Jednostki').getByRole('table', { name: 'Zgłoszenia i terminy według jednostek' });
    const rows = await cellsOf(units);
    expect(rows.slice(1, -1).map((row) => row.slice(0, 2))).toEqual(figures.units.map((row) => [row.name, count.format(row.filed)]));
    expect(rows.at(-1)?.slice(0, 2)).toEqual([`Całe miasto (${figures.city.name})`, count.format(figures.city.filed)]);
    expect(await cellsOf(await chartTable(page, 'Weryfikacja w terminie według jednostek'))).toEqual([
      ['Jednostka', 'Zweryfikowane w terminie'],
      ...figures.units.map((row) => [row.name, share(row.verification)]),
    ]);

    // The open data of the same range, as CSV and GeoJSON.
    const csv = section(page, 'Otwarte dane').getByRole('link', { name: 'CSV', exact: true });
    await expect(csv).toHaveAttribute('href', `/api/v1/issues/export?format=csv&from=${figures.range.from}&to=${until}`);
    const exported = await request.get((await csv.getAttribute('href')) ?? '');
    expect(exported.ok()).toBe(true);
    await expect(section(page, 'Otwarte dane').getByRole('link', { name: 'GeoJSON', exact: true })).toHaveAttribute(
      'href',
      `/api/v1/issues/export?format=geojson&from=${figures.range.from}&to=${until}`,
    );

    await expectNoAxeViolations(page);
    await page.getByRole('combobox', { name: 'Język', exact: true }).selectOption('en');
    await expect(heading(page)).toHaveText('How the city answers reports');
    await expectNoAxeViolations(page);
  });
});
