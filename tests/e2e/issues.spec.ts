import type { Locator, Page } from '@playwright/test';
import { accountMenu, DEMO_MODERATOR, DEMO_PASSWORD, DEMO_RESIDENT, logIn, uniqueEmail } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { gradientPng } from './support/images';
import { pressUntil, tabTo } from './support/keyboard';
import { waitForMail } from './support/mail';

/** An issue filed by one test and checked by the later ones. */
type Filed = { title: string; number: string; trackingPath: string };

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
/** The form of the current step, named by its heading ("Krok 2 z 6: Miejsce"). */
const step = (page: Page, name: string) => page.getByRole('form', { name: new RegExp(`: ${name}$`) });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Menu główne' });
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** The number and tracking link from the confirmation, which says the link is shown once. */
async function confirmation(page: Page, title: string): Promise<Filed> {
  const done = page.getByRole('region', { name: 'Zgłoszenie zostało przyjęte' });
  await expect(done.getByRole('heading', { level: 2 })).toBeFocused();
  const number = (await done.locator('.issue-number').textContent()) ?? '';
  expect(number).toMatch(/^\d{4}\/\d{6}$/);
  await expect(done).toContainText('pokazujemy go tylko raz');
  const link = await done.getByLabel('Twój link do śledzenia').inputValue();
  expect(link).toMatch(/\/track\/[^/]{16,}$/);
  return { title, number, trackingPath: new URL(link).pathname };
}

/** Open issues of the same category nearby are offered first; these tests report a new one anyway. */
async function pastNearby(page: Page, useKeyboard = false): Promise<void> {
  const nearby = step(page, 'Czy to Twój problem\\?');
  const details = step(page, 'Opis');
  await expect(nearby.or(details)).toBeVisible();
  if (await nearby.isVisible()) {
    await expectNoAxeViolations(page);
    const next = nearby.getByRole('button', { name: 'To inny problem – zgłaszam dalej' });
    if (useKeyboard) {
      await tabTo(page, next);
      await page.keyboard.press('Enter');
    } else {
      await next.click();
    }
  }
  await expect(details).toBeVisible();
}

/** Whether an image has been loaded and decoded (not just an element with a broken source). */
async function expectLoaded(image: Locator): Promise<void> {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0)).toBe(true);
}

test.describe('reporting an issue, moderating it and following it', () => {
  test.describe.configure({ mode: 'serial' });

  const filed: { byMap?: Filed; byAddress?: Filed; contactEmail?: string } = {};

  test('a visitor files an issue with a photo, placing it on the map', async ({ page }) => {
    test.slow();
    const title = `Dziura w jezdni ${unique()}`;
    const email = uniqueEmail('zglaszajaca');

    await page.goto('/');
    await mainNav(page).getByRole('link', { name: 'Zgłoś problem' }).click();
    await expect(heading(page)).toHaveText('Zgłoś problem');
    await expect(page.getByRole('main')).toContainText('dzwoń pod numer 112');
    await expect(page.getByRole('main')).toContainText('niezgodnymi z prawem');
    await expectNoAxeViolations(page);

    // Step 1: nothing chosen is refused before anything is sent.
    await step(page, 'Rodzaj problemu').getByRole('button', { name: 'Dalej' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Wybierz kategorię problemu.' })).toBeFocused();
    await page.getByRole('radio', { name: 'Uszkodzona nawierzchnia drogi' }).check();
    await page.getByRole('button', { name: 'Dalej' }).click();

    // Step 2: the pin is dropped by clicking the map (there are no tiles here: the map works without).
    const place = step(page, 'Miejsce');
    await expect(place.getByRole('heading', { level: 2 })).toBeFocused();
    const map = place.getByRole('region', { name: /^Mapa do wskazania miejsca/ });
    await expect(map).toBeVisible();
    const box = await map.boundingBox();
    if (!box) throw new Error('the map has no size');
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect(place.getByRole('status').filter({ hasText: 'Wybrane miejsce' })).toContainText('punkt na mapie');
    await expect(map.locator('.map-pin')).toHaveCount(1);
    await expectNoAxeViolations(page);
    await place.getByRole('button', { name: 'Dalej' }).click();
    await pastNearby(page);

    // Step: the description and the category's own fields, checked as the server checks them.
    const details = step(page, 'Opis');
    await details.getByLabel('Tytuł').fill(title);
    await details.getByLabel('Opis problemu').fill('Głęboka dziura na środku pasa, samochody ją omijają.');
    const size = details.getByLabel(/^Przybliżona średnica \(cm\)/);
    await size.fill('5000');
    await details.getByRole('button', { name: 'Dalej' }).click();
    await expect(details.getByLabel('Gdzie')).toBeFocused();
    await expect(details.getByLabel('Gdzie')).toHaveAccessibleDescription('To pole jest wymagane.');
    await expect(size).toHaveAccessibleDescription(/Wartość może wynosić najwyżej 1000/);
    await expectNoAxeViolations(page);
    await details.getByLabel('Gdzie').selectOption({ label: 'Jezdnia' });
    await size.fill('40');
    await details.getByRole('checkbox', { name: 'Stwarza zagrożenie dla ruchu' }).check();
    await details.getByRole('button', { name: 'Dalej' }).click();

    // Step: a photo made by the test, previewed before it is sent.
    const photos = step(page, 'Zdjęcia');
    await photos.getByLabel(/^Dodaj zdjęcia z urządzenia/).setInputFiles({
      name: 'dziura.png',
      mimeType: 'image/png',
      buffer: gradientPng(96, 64, [120, 90, 60]),
    });
    await expectLoaded(photos.getByRole('img', { name: 'Podgląd zdjęcia 1: dziura.png' }));
    await expect(photos.getByRole('button', { name: 'Usuń zdjęcie 1' })).toBeVisible();
    await expectNoAxeViolations(page);
    await photos.getByRole('button', { name: 'Dalej' }).click();

    // Step: contact data is kept only with consent, which the form asks for before sending.
    const contact = step(page, 'Kontakt');
    await contact.getByLabel(/^Adres e-mail/).fill(email);
    await contact.getByRole('button', { name: 'Dalej' }).click();
    const consent = contact.getByRole('checkbox', { name: /^Zgadzam się na przetwarzanie/ });
    await expect(consent).toBeFocused();
    await expect(consent).toHaveAttribute('aria-invalid', 'true');
    await expect(consent).toHaveAccessibleDescription(/zaznacz zgodę na ich przetwarzanie/);
    await expectNoAxeViolations(page);
    await consent.check();
    await contact.getByRole('button', { name: 'Dalej' }).click();

    const summary = step(page, 'Sprawdź i wyślij');
    await expect(summary).toContainText(title);
    await expect(summary).toContainText('Jezdnia');
    await expect(summary).toContainText('1 zdjęcie');
    await expect(summary).toContainText(email);
    await expectNoAxeViolations(page);
    await summary.getByRole('button', { name: 'Wyślij zgłoszenie' }).click();

    filed.byMap = await confirmation(page, title);
    filed.contactEmail = email;
    await expectNoAxeViolations(page);
    // The confirmation mail states the number too (R1.2).
    await waitForMail(email, filed.byMap.number);
  });

  test('another visitor files one by typing the address, with the keyboard only', async ({ page }) => {
    test.slow();
    const title = `Złamana gałąź ${unique()}`;
    await page.goto('/report');
    await expect(heading(page)).toHaveText('Zgłoś problem');

    // From here on only the keyboard: Tab, typing, arrows, Space and Enter.
    await tabTo(page, page.getByRole('radio').first());
    const greenery = page.getByRole('radio', { name: 'Zieleń miejska' });
    await pressUntil(page, 'ArrowDown', () => greenery.isChecked());
    await tabTo(page, page.getByRole('button', { name: 'Dalej' }));
    await page.keyboard.press('Enter');

    const place = step(page, 'Miejsce');
    const address = place.getByRole('combobox', { name: 'Adres' });
    await tabTo(page, address);
    await page.keyboard.type('Piotrkowska 104');
    const suggestion = place.getByRole('option', { name: 'Piotrkowska 104' });
    await expect(suggestion).toBeVisible();
    await expect(address).toHaveAttribute('aria-expanded', 'true');
    await expectNoAxeViolations(page);
    await page.keyboard.press('ArrowDown');
    await expect(suggestion).toHaveAttribute('aria-selected', 'true');
    await expect(address).toHaveAttribute('aria-activedescendant', (await suggestion.getAttribute('id')) ?? '');
    await page.keyboard.press('Enter');
    await expect(place.getByRole('status').filter({ hasText: 'Wybrane miejsce' })).toHaveText('Wybrane miejsce: Piotrkowska 104.');
    await expect(address).toHaveAttribute('aria-expanded', 'false');
    // Enter in the field now sends the step on.
    await page.keyboard.press('Enter');
    await pastNearby(page, true);

    const details = step(page, 'Opis');
    await tabTo(page, details.getByLabel('Tytuł'));
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Gałąź leży na chodniku przy przystanku i blokuje przejście.');
    const problem = details.getByLabel('Problem', { exact: true });
    await tabTo(page, problem);
    await page.keyboard.press('ArrowDown');
    await expect(problem).toHaveValue('fallen_branch');
    const blocks = details.getByRole('checkbox', { name: 'Blokuje przejście' });
    await tabTo(page, blocks);
    await page.keyboard.press('Space');
    await expect(blocks).toBeChecked();
    await tabTo(page, details.getByRole('button', { name: 'Dalej' }));
    await page.keyboard.press('Enter');

    for (const name of ['Zdjęcia', 'Kontakt']) {
      await tabTo(page, step(page, name).getByRole('button', { name: 'Dalej' }));
      await page.keyboard.press('Enter');
    }

    const summary = step(page, 'Sprawdź i wyślij');
    await expect(summary).toContainText('Piotrkowska 104');
    await expect(summary).toContainText('Złamana gałąź / drzewo');
    await tabTo(page, summary.getByRole('button', { name: 'Wyślij zgłoszenie' }));
    await page.keyboard.press('Enter');

    filed.byAddress = await confirmation(page, title);
  });

  test('a moderator approves both; the issue is then on the map, in the list and on its page', async ({ page }) => {
    test.slow();
    const { byMap, byAddress } = filed;
    if (!byMap || !byAddress) throw new Error('the issues were not filed');

    // Not public before the moderator's decision (R2.1).
    await page.goto('/');
    await expect(page.getByRole('region', { name: 'Lista zgłoszeń' }).getByRole('status')).toHaveText(/zgłosze/);
    await expect(page.getByRole('link', { name: byMap.title })).toHaveCount(0);

    await logIn(page, DEMO_MODERATOR, DEMO_PASSWORD);
    await mainNav(page).getByRole('link', { name: 'Moderacja' }).click();
    await expect(heading(page)).toHaveText('Moderacja zgłoszeń');

    const first = page.getByRole('article', { name: byMap.title });
    await expect(first).toContainText(byMap.number);
    await expect(first).toContainText('Głęboka dziura na środku pasa');
    // The photo of a pending issue is fetched with the moderator's token.
    await expectLoaded(first.getByRole('img', { name: 'Zdjęcie 1 z 1' }));
    await expectNoAxeViolations(page);

    await first.getByRole('button', { name: 'Odrzuć' }).click();
    await expect(first.getByLabel(/^Powód/)).toHaveAccessibleDescription(/Podaj powód odrzucenia/);
    await first.getByRole('button', { name: 'Zatwierdź' }).click();
    await expect(page.getByRole('status').filter({ hasText: byMap.number })).toHaveText(
      `Zgłoszenie ${byMap.number} zostało zatwierdzone i jest widoczne publicznie.`,
    );
    await expect(page.getByRole('article', { name: byMap.title })).toHaveCount(0);

    await page.getByRole('article', { name: byAddress.title }).getByRole('button', { name: 'Zatwierdź' }).click();
    await expect(page.getByRole('status').filter({ hasText: byAddress.number })).toContainText('zatwierdzone');

    // The public map: a marker (or a cluster) and the list, which holds the same issues.
    await mainNav(page).getByRole('link', { name: 'Mapa' }).click();
    await expect(heading(page)).toHaveText('Mapa zgłoszeń');
    const list = page.getByRole('region', { name: 'Lista zgłoszeń' });
    await expect(list.getByRole('link', { name: byMap.title })).toBeVisible();
    await expect(list.getByRole('link', { name: byAddress.title })).toBeVisible();
    const map = page.getByRole('region', { name: /^Mapa zgłoszeń/ });
    await expect(map.locator('.leaflet-marker-icon').first()).toBeVisible();
    await expectNoAxeViolations(page);

    // The text filter narrows the map and the list alike; the export links carry it.
    await page.getByRole('searchbox', { name: /^Szukaj w treści/ }).fill(byAddress.title);
    await page.getByRole('button', { name: 'Pokaż' }).click();
    await expect(list.getByRole('status')).toHaveText('1 zgłoszenie');
    await expect(list.getByRole('link', { name: byAddress.title })).toBeVisible();
    await expect(page.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', /format=csv&q=/);
    // Alone on the map now: its own marker, a button named after it.
    const marker = map.getByRole('button', { name: `${byAddress.title} (Nowe)` });
    await expect(marker).toBeVisible();
    await expect(map.locator('.leaflet-marker-icon')).toHaveCount(1);
    await marker.click();
    await expect(heading(page)).toHaveText(byAddress.title);

    // The page: details, photo and timeline.
    await page.goBack();
    await page.getByRole('link', { name: 'Wyczyść filtry' }).click();
    await list.getByRole('link', { name: byMap.title }).click();
    await expect(heading(page)).toHaveText(byMap.title);
    await expect(page).toHaveURL(`/issues/${byMap.number.replace('/', '-')}`);
    await expect(page.getByRole('main')).toContainText('Uszkodzona nawierzchnia drogi');
    await expect(page.getByRole('main')).toContainText('Jezdnia');
    await expectLoaded(page.getByRole('img', { name: 'Zdjęcie 1 z 1 – otwórz w pełnym rozmiarze' }));
    await expect(page.getByRole('region', { name: 'Historia zgłoszenia' })).toContainText('Zgłoszenie zostało przyjęte do systemu.');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Mnie też to dotyczy' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Dziękujemy' })).toBeVisible();
    await expect(page.getByText('Poparła 1 osoba')).toBeVisible();
  });

  test('the tracking link shows the status, and the reporter withdraws the consent to be contacted', async ({ page }) => {
    const { byMap, byAddress } = filed;
    if (!byMap || !byAddress) throw new Error('the issues were not filed');

    await page.goto(byMap.trackingPath);
    await expect(heading(page)).toHaveText('Śledzenie zgłoszenia');
    await expect(page.getByRole('main')).toContainText(byMap.number);
    const state = page.getByRole('status').filter({ hasText: 'Status' });
    await expect(state).toContainText('Nowe');
    await expect(state).toContainText('Opublikowane na mapie zgłoszeń.');
    await expect(page.getByRole('link', { name: 'Zobacz publiczną stronę zgłoszenia' })).toBeVisible();
    await expectNoAxeViolations(page);

    const contact = page.getByRole('region', { name: 'Twoje dane kontaktowe' });
    await contact.getByRole('button', { name: 'Wycofaj zgodę i usuń moje dane kontaktowe' }).click();
    await expect(contact.getByText(/Po wycofaniu zgody/)).toBeFocused();
    await contact.getByRole('button', { name: 'Tak, usuń moje dane kontaktowe' }).click();
    await expect(contact.getByRole('status')).toHaveText('Zgoda została wycofana, a Twoje dane kontaktowe usunięte.');
    await expectNoAxeViolations(page);

    await page.goto(byAddress.trackingPath);
    await expect(page.getByRole('status').filter({ hasText: 'Status' })).toContainText('Opublikowane');
    await expect(page.getByRole('region', { name: 'Twoje dane kontaktowe' })).toContainText('Nie przechowujemy');

    // The same pages in English.
    await page.getByRole('combobox', { name: 'Język', exact: true }).selectOption('en');
    await expect(heading(page)).toHaveText('Following a report');
    await expect(page.getByRole('status').filter({ hasText: 'Status' })).toContainText('Published on the map of reports.');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: "See the report's public page" }).click();
    await expect(heading(page)).toHaveText(byAddress.title);
    await expect(page.getByRole('region', { name: 'History of the report' })).toContainText('The report was received.');
    await expectNoAxeViolations(page);
  });
});

test('a logged-in resident files an idea placed by the device and finds it among their issues', async ({ page, context }) => {
  test.slow();
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 51.7701, longitude: 19.4602 });
  const title = `Ławki w parku ${unique()}`;
  await logIn(page, DEMO_RESIDENT, DEMO_PASSWORD);

  await page.goto('/report');
  await page.getByRole('radio', { name: /^Pomysł dla miasta/ }).check();
  await page.getByRole('button', { name: 'Dalej' }).click();
  const place = step(page, 'Miejsce');
  await place.getByRole('button', { name: 'Użyj mojej lokalizacji' }).click();
  await expect(place.getByRole('status').filter({ hasText: 'Wybrane miejsce' })).toHaveText(
    'Wybrane miejsce: punkt na mapie (51,77010, 19,46020).',
  );
  await expect(place.getByRole('status').filter({ hasText: 'lokalizacji urządzenia' })).toBeVisible();
  await place.getByRole('button', { name: 'Dalej' }).click();
  await pastNearby(page);
  const details = step(page, 'Opis');
  await details.getByLabel('Tytuł').fill(title);
  await details.getByLabel('Opis problemu').fill('Więcej ławek wzdłuż alei spacerowej.');
  await details.getByRole('button', { name: 'Dalej' }).click();
  await step(page, 'Zdjęcia').getByRole('button', { name: 'Dalej' }).click();
  await expect(step(page, 'Kontakt')).toContainText('Jesteś zalogowany');
  await step(page, 'Kontakt').getByRole('button', { name: 'Dalej' }).click();
  await step(page, 'Sprawdź i wyślij').getByRole('button', { name: 'Wyślij zgłoszenie' }).click();

  const done = page.getByRole('region', { name: 'Zgłoszenie zostało przyjęte' });
  await expect(done.locator('.issue-number')).toHaveText(/^\d{4}\/\d{6}$/);
  // A logged-in reporter follows the issue in the account: no tracking link.
  await expect(done.getByLabel('Twój link do śledzenia')).toHaveCount(0);

  await accountMenu(page).getByRole('link', { name: 'Moje zgłoszenia' }).click();
  await expect(heading(page)).toHaveText('Moje zgłoszenia');
  const mine = page.getByRole('article', { name: title });
  await expect(mine).toContainText('Czeka na sprawdzenie przez moderatora');
  // Not public yet, so no link to a public page.
  await expect(mine.getByRole('link')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.goto('/moderation');
  await expect(heading(page)).toHaveText('Brak dostępu');
});
