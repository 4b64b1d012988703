import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, logIn } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';

/** The procedure editor of Wydział Spraw Obywatelskich, and the knowledge base's publisher (seed-demo). */
const EDITOR = 'editor.wso@demo.kontakt.example';
const PUBLISHER = 'publisher@demo.kontakt.example';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Menu główne' });
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const results = (page: Page) => section(page, 'Wyniki');
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Szukaj procedury' });

/** An amount in złoty as the UI writes it (Intl puts a no-break space before "zł"). */
const money = (amount: string) => new RegExp(`${amount}\\szł`);

test.describe('residents find a procedure and its forms', () => {
  test('a search with a typo and without Polish letters finds the ID card; its form downloads', async ({ page }) => {
    await page.goto('/procedures');
    await expect(heading(page)).toHaveText('Procedury');
    await expect(results(page).getByRole('status')).toHaveText(/^Znaleziono \d+ procedur/);
    await expectNoAxeViolations(page);

    // Results follow the typing, and their count is announced.
    await searchBox(page).fill('dowod osobisy');
    const found = results(page).getByRole('link', { name: 'Wydanie dowodu osobistego', exact: true });
    await expect(found).toBeVisible();
    await expect(page).toHaveURL(/[?&]q=dowod\+osobisy/);
    await expect(results(page).getByRole('status')).toHaveText(/^Znaleziono \d+ procedur/);

    // Another typo, in another procedure's name.
    await searchBox(page).fill('zameldowanei');
    await expect(results(page).getByRole('link', { name: /^Zameldowanie na pobyt stały/ })).toBeVisible();
    await searchBox(page).fill('dowod osobisy');
    await found.click();

    await expect(heading(page)).toHaveText('Wydanie dowodu osobistego');
    const steps = section(page, 'Najważniejsze etapy realizacji procedury');
    await expect(steps.getByRole('listitem').first()).toContainText('Złóż wniosek');
    await expect(steps.getByRole('img', { name: 'możliwe elektronicznie' })).toHaveCount(1);
    await expect(section(page, 'Opłaty')).toContainText('brak opłat');
    await expect(section(page, 'Metryka')).toContainText('Wersja');
    await expect(section(page, 'Rejestr zmian').getByRole('row')).toHaveCount(2);
    await expect(page.getByRole('region', { name: 'Tylko dla pracowników' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    const documents = section(page, 'Wymagane dokumenty');
    const form = documents.getByRole('link', { name: /^Pobierz: wniosek-o-wydanie-dowodu-osobistego\.docx \(DOCX, \d+/ });
    const download = page.waitForEvent('download');
    await form.click();
    expect((await download).suggestedFilename()).toBe('wniosek-o-wydanie-dowodu-osobistego.docx');
    await expect(documents.getByRole('link', { name: /^Wzór wypełnienia: wzor-wypelnienia-wniosku-o-dowod-osobisty\.pdf/ })).toBeVisible();
    await expect(documents.getByRole('link', { name: 'Złóż elektronicznie: gov.pl' })).toHaveAttribute(
      'href',
      'https://www.gov.pl/web/gov/uzyskaj-dowod-osobisty',
    );
  });

  test('browsing by topic, and the procedure page in English', async ({ page }) => {
    await page.goto('/procedures');
    const topics = page.getByRole('navigation', { name: 'Tematy' });
    await topics.getByRole('link', { name: 'Dokumenty i meldunek' }).click();
    await expect(page).toHaveURL(/topic=documents-and-residence/);
    await expect(topics.getByRole('link', { name: 'Dokumenty i meldunek' })).toHaveAttribute('aria-current', 'page');
    await expect(results(page).getByRole('link', { name: 'Wydanie dowodu osobistego', exact: true })).toBeVisible();
    await expect(results(page).getByRole('link', { name: /Abonament postojowy/ })).toHaveCount(0);

    await page.getByRole('combobox', { name: 'Język' }).selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(heading(page)).toHaveText('Procedures');
    await expectNoAxeViolations(page);

    await section(page, 'Results').getByRole('link', { name: /^Zameldowanie na pobyt stały/ }).click();
    await expect(section(page, 'Fees').getByRole('cell', { name: /^PLN\s17\.00$/ }).first()).toBeVisible();
    // Version 2 is current; version 1 is still readable, marked as not current.
    const register = section(page, 'Register of changes');
    await expect(register.getByRole('row')).toHaveCount(3);
    await register.getByRole('link', { name: 'Version 1' }).click();
    await expect(page.getByRole('note')).toContainText('This is version 1, which is no longer current.');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'See the current version' }).click();
    await expect(page.getByRole('note')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  });
});

test.describe('a fee changes through the editorial workflow', () => {
  test.describe.configure({ mode: 'serial' });

  const procedure = {
    name: 'Wydanie zaświadczenia o zameldowaniu (potwierdzenie meldunku)',
    search: 'zaswiadczenie o zameldowaniu',
    path: '',
    note: `Nowa stawka opłaty skarbowej (${Date.now().toString(36)})`,
  };

  test('the unit’s editor proposes a new fee and submits it for review', async ({ page, pageProblems }) => {
    test.slow();
    // The API refuses the step name over the limit (422); the editor shows why.
    pageProblems.allow(
      ({ kind, text }) =>
        (kind === 'http' && /PUT .*\/api\/v1\/staff\/procedure-drafts\/[^/]+: 422$/.test(text)) ||
        (kind === 'console' && text.includes('status of 422')),
    );
    await logIn(page, EDITOR, DEMO_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'Baza wiedzy' }).click();
    await expect(heading(page)).toHaveText('Baza wiedzy — pracownicy');
    await searchBox(page).fill(procedure.search);
    await results(page).getByRole('link', { name: procedure.name }).click();
    await expect(heading(page)).toHaveText(procedure.name);
    procedure.path = new URL(page.url()).pathname;

    // Staff files are fetched with the session's token and then saved, under their own name.
    const form = section(page, 'Wymagane dokumenty').getByRole('link', {
      name: /^Pobierz: wniosek-o-zaswiadczenie-o-zameldowaniu\.docx \(DOCX, \d+/,
    });
    const download = page.waitForEvent('download');
    await form.click();
    expect((await download).suggestedFilename()).toBe('wniosek-o-zaswiadczenie-o-zameldowaniu.docx');

    // Staff see the internal fields, and the unit's editor may propose a change.
    const staff = section(page, 'Tylko dla pracowników');
    await expect(staff).toContainText('Widoczna dla mieszkańców');
    await expect(staff).toContainText('Właściciel procedury');
    await staff.getByRole('button', { name: 'Zaproponuj zmianę' }).click();
    await expect(heading(page)).toHaveText(`Wersja robocza: ${procedure.name}`);
    await expect(page.getByRole('main')).toContainText('Stan: wersja robocza.');

    // A live counter for the limited fields: over the limit is shown, announced and refused.
    const stepName = page.getByLabel('Najważniejsze etapy realizacji procedury — pozycja 1 — nazwa', { exact: true });
    await stepName.fill('Złóż wniosek o wydanie zaświadczenia w urzędzie');
    await expect(page.getByText('47 z 40 znaków Za długie o 7 znaków.')).toBeVisible();
    await expect(stepName).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Zapisz wersję roboczą' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Popraw te pola:' });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([
      'Najważniejsze etapy realizacji procedury — pozycja 1 — nazwa: Ten tekst jest za długi.',
    ]);
    await expect(stepName).toHaveAccessibleDescription(/Ten tekst jest za długi\./);
    await summary.getByRole('link').click();
    await expect(stepName).toBeFocused();
    // Within the limit again, the counter says so at once; the API's error stays until the next save.
    await stepName.fill('Złóż wniosek');
    await expect(stepName).toHaveAccessibleDescription('Ten tekst jest za długi. 12 z 40 znaków');

    // The fee in złoty, as typed; the note for the register of changes.
    const amount = page.getByLabel('Opłaty — pozycja 1 — kwota', { exact: true });
    await expect(amount).toHaveValue('17,00');
    await amount.fill('21,00');
    await page.getByLabel('Opis zmiany', { exact: true }).fill(procedure.note);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Zapisz wersję roboczą' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Zapisano wersję roboczą.' })).toBeVisible();
    await expect(summary).toHaveCount(0);
    await expect(stepName).toHaveAccessibleDescription('12 z 40 znaków');
    await expect(stepName).not.toHaveAttribute('aria-invalid');

    await page.getByRole('button', { name: 'Wyślij do przeglądu' }).click();
    await expect(page.getByText(/^Wysłano do przeglądu\./)).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Stan: w przeglądzie.');
    // In review, the draft cannot be changed; its changes are shown instead.
    await expect(page.getByRole('button', { name: 'Zapisz wersję roboczą' })).toHaveCount(0);
    await expect(section(page, 'Zmiany')).toContainText('Opłaty — pozycja 1');
  });

  test('the publisher reviews the diff and publishes it', async ({ page }) => {
    test.slow();
    await logIn(page, PUBLISHER, DEMO_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'Baza wiedzy' }).click();
    await page.getByRole('navigation', { name: 'Baza wiedzy — nawigacja' }).getByRole('link', { name: 'Do przeglądu' }).click();
    await expect(heading(page)).toHaveText('Do przeglądu');
    await page.getByRole('link', { name: procedure.name }).click();
    await expect(heading(page)).toHaveText(`Przegląd: ${procedure.name}`);

    const changes = section(page, 'Zmiany');
    await expect(changes).toContainText(`Opis zmiany: ${procedure.note}`);
    const fee = changes.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Opłaty — pozycja 1 (zmieniono)' }) });
    await expect(fee.getByRole('definition').first()).toHaveText(money('17,00'));
    await expect(fee.getByRole('definition').last()).toHaveText(money('21,00'));
    await expect(fee.getByRole('definition').first()).toContainText('Opłata skarbowa za wydanie zaświadczenia');
    await expectNoAxeViolations(page);

    const comments = section(page, 'Uwagi');
    await comments.getByLabel('Nowa uwaga').fill('Stawka zgodna z ustawą o opłacie skarbowej.');
    await comments.getByRole('button', { name: 'Dodaj uwagę' }).click();
    await expect(comments.getByRole('listitem').last()).toContainText('Stawka zgodna z ustawą o opłacie skarbowej.');

    const decision = section(page, 'Decyzja');
    await expect(decision.getByRole('radio', { name: 'Teraz' })).toBeChecked();
    await decision.getByRole('button', { name: 'Opublikuj' }).click();
    await expect(page.getByRole('heading', { name: 'Opublikowano wersję 2. Mieszkańcy już ją widzą.' })).toBeFocused();
  });

  test('the public page shows the new fee and the new entry of the register of changes', async ({ page }) => {
    await page.goto(procedure.path);
    await expect(heading(page)).toHaveText(procedure.name);
    const fees = section(page, 'Opłaty');
    const firstFee = fees.getByRole('row').filter({ hasText: 'Opłata skarbowa za wydanie zaświadczenia' });
    await expect(firstFee.getByRole('cell').first()).toHaveText(money('21,00'));
    const register = section(page, 'Rejestr zmian');
    await expect(register.getByRole('row')).toHaveCount(3);
    const latest = register.getByRole('row').nth(1);
    await expect(latest).toContainText('Wersja 2 (aktualna)');
    await expect(latest).toContainText(procedure.note);
    await expect(latest).toContainText('Patrycja Publikująca');
    await expect(section(page, 'Metryka')).toContainText('Patrycja Publikująca');

    // The earlier version keeps the earlier fee.
    await register.getByRole('link', { name: 'Wersja 1' }).click();
    await expect(page.getByRole('note')).toContainText('To jest wersja 1, która nie jest już aktualna.');
    await expect(section(page, 'Opłaty').getByRole('cell').first()).toHaveText(money('17,00'));
  });
});
