import type { APIRequestContext, Page } from '@playwright/test';
import { DEMO_MODERATOR, DEMO_PASSWORD, accessToken, logIn } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';

/** The operator of the unit that handles road damage (Zarząd Dróg i Transportu). */
const OPERATOR = 'operator.zdit@demo.kontakt.example';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Menu główne' });
const section = (page: Page, name: string) => page.getByRole('region', { name });
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

type Filed = { number: string; trackingPath: string };

/** Files a road-damage issue as a visitor near the city centre (apart from other tests' issues) and has it approved. */
async function fileApproved(request: APIRequestContext, title: string): Promise<Filed> {
  const city = (await (await request.get('/api/v1/city')).json()) as { center: [number, number] };
  const offset = () => (Math.random() - 0.5) / 100;
  const filed = await request.post('/api/v1/issues', {
    data: {
      category: 'road-damage',
      title,
      description: 'Głęboka dziura tuż przy przystanku, autobusy ją omijają.',
      location: { lat: city.center[0] + offset(), lon: city.center[1] + offset() },
      field_values: { surface: 'road', dangerous: true },
      language: 'pl',
    },
  });
  expect(filed.status()).toBe(201);
  const created = (await filed.json()) as { number: string; tracking_url: string };
  const moderator = await accessToken(request, DEMO_MODERATOR);
  const approved = await request.post(`/api/v1/issues/${created.number.replace('/', '-')}/moderation`, {
    headers: { Authorization: `Bearer ${moderator}` },
    data: { decision: 'approved' },
  });
  expect(approved.ok()).toBe(true);
  return { number: created.number, trackingPath: new URL(created.tracking_url).pathname };
}

const workScreenOf = (number: string) => `/console/issues/${number.replace('/', '-')}`;

test.describe('an issue through the operator workflow', () => {
  test.describe.configure({ mode: 'serial' });

  const issue = {
    title: `Dziura przy przystanku ${unique()}`,
    number: '',
    trackingPath: '',
    template: 'Naprawę w sprawie zgłoszenia',
    response: `Ekipa naprawcza przyjedzie w tym tygodniu (${unique()}).`,
    note: `Wykonawca: brygada nr 3 (${unique()}).`,
    question: 'Czy dziura jest na jezdni, czy na przejściu dla pieszych?',
    answer: 'Na jezdni, tuż przed przejściem dla pieszych.',
    done: 'Ubytek w nawierzchni został wypełniony masą asfaltową.',
  };
  const workScreen = () => workScreenOf(issue.number);

  test('a visitor files a pothole and keeps the tracking link; a moderator approves it', async ({ request }) => {
    const filed = await fileApproved(request, issue.title);
    issue.number = filed.number;
    issue.trackingPath = filed.trackingPath;
  });

  test('the operator finds it in the console, accepts it, starts the work and asks the reporter', async ({ page }) => {
    test.slow();
    await logIn(page, OPERATOR, DEMO_PASSWORD);

    // Staff choose how they hear of new issues.
    const notifications = section(page, 'Powiadomienia o nowych zgłoszeniach');
    await notifications.getByRole('radio', { name: 'Jeden e-mail dziennie z listą nowych zgłoszeń' }).check();
    await notifications.getByRole('button', { name: 'Zapisz ustawienie' }).click();
    await expect(notifications.getByRole('status')).toHaveText('Zapisano: Jeden e-mail dziennie z listą nowych zgłoszeń.');

    await mainNav(page).getByRole('link', { name: 'Konsola' }).click();
    await expect(heading(page)).toHaveText('Konsola operatora');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: issue.title }) });
    await expect(row).toContainText(issue.number);
    await expect(row).toContainText('Nowe');
    // The verification deadline: working days left, and the last day.
    await expect(row).toContainText(/(za \d+ dni? robocz|mija dziś).*\(do \d+ \p{L}+ \d{4}\)/u);
    await expectNoAxeViolations(page);

    // Only the operator's own issues: the filters narrow the queue in the address.
    await page.getByLabel('Kanał').selectOption({ label: 'Telefon' });
    await page.getByRole('button', { name: 'Pokaż' }).click();
    await expect(page).toHaveURL(/channel=phone/);
    await expect(page.getByRole('link', { name: issue.title })).toHaveCount(0);
    await page.getByRole('link', { name: 'Wyczyść filtry' }).click();

    // Accepted with the bulk action, the issue chosen by its checkbox.
    await page.getByRole('checkbox', { name: `Zaznacz zgłoszenie ${issue.number}` }).check();
    await expect(page.getByText('Zaznaczono 1 zgłoszenie.')).toBeVisible();
    await page.getByRole('button', { name: 'Przyjmij zaznaczone' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${issue.number}: przyjęte.` })).toBeVisible();
    await expect(row).toContainText('Przyjęte');

    // The same queue on the map (there are no tiles here: the map works without them).
    await page.getByRole('button', { name: 'Mapa' }).click();
    await expect(page.getByRole('button', { name: 'Mapa' })).toHaveAttribute('aria-pressed', 'true');
    const map = page.getByRole('region', { name: /^Mapa zgłoszeń z kolejki/ });
    const marker = map.getByRole('button', { name: `${issue.number}: ${issue.title} (Przyjęte)` });
    await expect(marker).toBeVisible();
    await expectNoAxeViolations(page);
    // Markers are buttons: the keyboard opens the issue.
    await marker.focus();
    await page.keyboard.press('Enter');

    await expect(heading(page)).toHaveText(`${issue.number}: ${issue.title}`);
    await expect(page).toHaveURL(workScreen());
    await expect(page.getByRole('main')).toContainText('Jezdnia');
    await expectNoAxeViolations(page);

    // In progress, with a template's text as the public justification (editable before sending).
    const status = section(page, 'Zmiana statusu');
    const next = status.getByLabel('Nowy status');
    await expect(next.getByRole('option')).toHaveText(['Wybierz status', 'W realizacji', 'Zamknięte']);
    await next.selectOption({ label: 'W realizacji' });
    await status.getByLabel('Szablon odpowiedzi').selectOption({ label: 'Zlecone wykonawcy' });
    await status.getByRole('button', { name: 'Wstaw szablon' }).click();
    const justification = status.getByLabel(/^Uzasadnienie \(publiczne\)/);
    await expect(justification).toBeFocused();
    await expect(justification).toHaveValue(new RegExp(`${issue.template} ${issue.number}`));
    await status.getByRole('button', { name: 'Zmień status' }).click();
    await expect(status.getByRole('status')).toHaveText('Status zmieniono na: W realizacji.');
    await expect(next.getByRole('option')).toHaveText(['Wybierz status', 'Załatwione', 'Zamknięte']);

    // A public response, and an internal note the public never sees.
    const respond = section(page, 'Odpowiedź lub notatka');
    await respond.getByRole('radio', { name: /^Publiczna odpowiedź/ }).check();
    await respond.getByLabel('Treść').fill(issue.response);
    await respond.getByRole('button', { name: 'Dodaj wpis' }).click();
    await expect(respond.getByRole('status')).toHaveText('Odpowiedź została opublikowana i wysłana zgłaszającemu.');
    await respond.getByRole('radio', { name: /^Notatka wewnętrzna/ }).check();
    await respond.getByLabel('Treść').fill(issue.note);
    await respond.getByRole('button', { name: 'Dodaj wpis' }).click();
    await expect(respond.getByRole('status')).toHaveText('Notatka wewnętrzna została zapisana.');

    const history = section(page, 'Historia zmian');
    const note = history.getByRole('listitem').filter({ hasText: issue.note });
    await expect(note).toContainText('Notatka wewnętrzna');
    await expect(note).toContainText('Olga Drogowa');
    await expect(note).toContainText('Wewnętrzne');
    await expect(history.getByRole('listitem').filter({ hasText: issue.response })).toContainText('Publiczne');

    // A question to the reporter (an issue in progress has no deadline left to stop).
    await expect(page.locator('.issue-facts')).toContainText('Terminbrak');
    const requests = section(page, 'Prośby o informacje');
    await requests.getByLabel('Pytanie do zgłaszającego').fill(issue.question);
    await requests.getByRole('button', { name: 'Wyślij prośbę' }).click();
    await expect(requests.getByRole('status')).toBeFocused();
    await expect(requests.getByRole('status')).toContainText('Prośba o informacje została wysłana.');
    await expect(requests).toContainText(issue.question);
    await expect(requests.getByRole('button', { name: 'Wyślij prośbę' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('the reporter answers the question through the tracking link', async ({ page }) => {
    await page.goto(issue.trackingPath);
    await expect(heading(page)).toHaveText('Śledzenie zgłoszenia');
    const asked = section(page, 'Urząd prosi o informacje');
    await expect(asked).toContainText(issue.question);
    await expectNoAxeViolations(page);

    await asked.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await expect(asked.getByLabel('Twoja odpowiedź')).toBeFocused();
    await asked.getByLabel('Twoja odpowiedź').fill(issue.answer);
    await asked.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await expect(asked.getByRole('status')).toHaveText('Dziękujemy, Twoja odpowiedź została przekazana do urzędu.');
    await expect(asked.getByLabel('Twoja odpowiedź')).toHaveCount(0);
  });

  test('the operator reads the answer and marks the issue done', async ({ page }) => {
    await logIn(page, OPERATOR, DEMO_PASSWORD);
    await page.goto(workScreen());
    const requests = section(page, 'Prośby o informacje');
    await expect(requests).toContainText(issue.answer);
    await expect(requests).toContainText('przez link do śledzenia');

    const status = section(page, 'Zmiana statusu');
    await status.getByLabel('Nowy status').selectOption({ label: 'Załatwione' });
    await status.getByRole('button', { name: 'Zmień status' }).click();
    const justification = status.getByLabel(/^Uzasadnienie \(publiczne\)/);
    await expect(justification).toBeFocused();
    await expect(justification).toHaveAccessibleDescription(/Napisz uzasadnienie/);
    await justification.fill(issue.done);
    await status.getByRole('button', { name: 'Zmień status' }).click();
    await expect(status.getByRole('status')).toBeFocused();
    await expect(status.getByRole('status')).toHaveText('Status zmieniono na: Załatwione.');
    await expect(status).toContainText('Zgłoszenie jest zakończone');
    await expect(page.locator('.issue-facts')).toContainText('Załatwione');
    await expectNoAxeViolations(page);
  });

  test('staff register a caller\'s issue received by phone', async ({ page }) => {
    await logIn(page, OPERATOR, DEMO_PASSWORD);
    await page.goto('/console');
    await page.getByRole('link', { name: /^Zarejestruj zgłoszenie/ }).click();
    await expect(heading(page)).toHaveText('Rejestracja zgłoszenia');
    await expectNoAxeViolations(page);

    // Nothing chosen: refused before anything is sent.
    await page.getByRole('button', { name: 'Zarejestruj zgłoszenie' }).click();
    await expect(page.getByRole('radiogroup', { name: 'Jak zgłoszenie wpłynęło' })).toBeFocused();

    await page.getByRole('radio', { name: 'Telefon' }).check();
    await page.getByLabel('Kategoria').selectOption({ label: 'Uszkodzona nawierzchnia drogi' });
    await page.getByLabel('Tytuł').fill(`Zapadnięty chodnik ${unique()}`);
    await page.getByLabel('Opis problemu').fill('Mieszkanka zgłasza telefonicznie zapadnięty chodnik.');
    await page.getByLabel('Gdzie').selectOption({ label: 'Chodnik' });
    const map = page.getByRole('region', { name: /^Mapa do wskazania miejsca/ });
    const box = await map.boundingBox();
    if (!box) throw new Error('the map has no size');
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect(page.getByRole('status').filter({ hasText: 'Wybrane miejsce' })).toContainText('punkt na mapie');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Zarejestruj zgłoszenie' }).click();

    const done = page.getByRole('region', { name: 'Zgłoszenie zostało zarejestrowane' });
    await expect(done.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(done.locator('.issue-number')).toHaveText(/^\d{4}\/\d{6}$/);
    await expect(done.getByLabel('Link do śledzenia dla zgłaszającego')).toHaveValue(/\/track\/[^/]{16,}$/);
    await expectNoAxeViolations(page);

    // A new issue waits for verification; a question to the caller stops that deadline.
    await done.getByRole('link', { name: /^Otwórz zgłoszenie/ }).click();
    const facts = page.locator('.issue-facts');
    await expect(facts).toContainText('Weryfikacja: ');
    await expect(facts).toContainText('Telefon');
    const requests = section(page, 'Prośby o informacje');
    await expect(requests.getByLabel('Pytanie do zgłaszającego')).toHaveAccessibleDescription(/zobaczy pytanie tylko na stronie śledzenia/);
    await requests.getByLabel('Pytanie do zgłaszającego').fill('Przy którym numerze budynku?');
    await requests.getByRole('button', { name: 'Wyślij prośbę' }).click();
    await expect(facts).toContainText('Weryfikacja: wstrzymany – czekamy na odpowiedź zgłaszającego');
  });

  test('the public page shows the whole public history, without the internal note', async ({ page }) => {
    await page.goto(`/issues/${issue.number.replace('/', '-')}`);
    await expect(heading(page)).toHaveText(issue.title);
    const timeline = section(page, 'Historia zgłoszenia');
    const entries = timeline.getByRole('listitem');
    await expect(entries.filter({ hasText: 'Zmiana statusu na: Przyjęte' })).toHaveCount(1);
    await expect(entries.filter({ hasText: 'Zmiana statusu na: W realizacji' })).toContainText(issue.template);
    await expect(entries.filter({ hasText: 'Odpowiedź urzędu' }).filter({ hasText: issue.response })).toHaveCount(1);
    await expect(entries.filter({ hasText: 'Zmiana statusu na: Załatwione' })).toContainText(issue.done);
    await expect(timeline).not.toContainText(issue.note);
    await expect(timeline).not.toContainText(issue.question);
    await expectNoAxeViolations(page);

    await page.getByRole('combobox', { name: 'Język', exact: true }).selectOption('en');
    await expect(section(page, 'History of the report')).toContainText('Status changed to: Done');
    await expectNoAxeViolations(page);
  });
});

test('the operator changes a category, merges a duplicate and transfers issues to another unit', async ({ page, request }) => {
  test.slow();
  const [first, second, third] = await Promise.all(
    ['Latarnia czy dziura', 'Dziura zgłoszona drugi raz', 'Dziura na skwerze'].map((title) => fileApproved(request, `${title} ${unique()}`)),
  );
  if (!first || !second || !third) throw new Error('the issues were not filed');
  await logIn(page, OPERATOR, DEMO_PASSWORD);

  // Another category: its own required field is asked for before anything is sent.
  await page.goto(workScreenOf(first.number));
  const category = section(page, 'Zmiana kategorii');
  await category.getByLabel('Nowa kategoria').selectOption({ label: 'Oświetlenie uliczne' });
  await category.getByRole('button', { name: 'Zmień kategorię' }).click();
  await expect(category.getByLabel('Co się dzieje')).toBeFocused();
  await category.getByLabel('Co się dzieje').selectOption({ label: 'Lampa nie świeci' });
  await category.getByRole('button', { name: 'Zmień kategorię' }).click();
  await expect(category.getByRole('status')).toHaveText('Kategorię zmieniono na: Oświetlenie uliczne.');
  await expect(section(page, 'Historia zmian')).toContainText('Zmieniono kategorię na: Oświetlenie uliczne');

  // A duplicate joins the issue that stays: typed, or taken from the open issues nearby.
  await page.goto(workScreenOf(second.number));
  const merge = section(page, 'Połączenie z innym zgłoszeniem');
  const into = merge.getByLabel('Numer zgłoszenia, które zostaje');
  await into.fill(third.number);
  await merge.getByRole('button', { name: 'Połącz i zamknij jako duplikat' }).click();
  const merged = page.getByRole('status').filter({ hasText: 'połączono ze zgłoszeniem' });
  await expect(merged).toBeFocused();
  await expect(merged).toHaveText(`Zgłoszenie ${second.number} połączono ze zgłoszeniem ${third.number} i zamknięto jako duplikat.`);
  await expect(page.locator('.issue-facts')).toContainText('Zamknięte (duplikat innego zgłoszenia)');
  await expect(section(page, 'Zmiana statusu')).toContainText('Zgłoszenie jest zakończone');
  await expectNoAxeViolations(page);

  // Transferred to another unit, the issue leaves the operator's queue: back to it, with a word why.
  await page.goto(workScreenOf(third.number));
  const transfer = section(page, 'Przekazanie do innej jednostki');
  await transfer.getByLabel('Jednostka właściwa').selectOption({ label: 'Zarząd Zieleni Miejskiej w Łodzi' });
  await transfer.getByLabel(/^Notatka dla jednostki/).fill('Dziura jest na terenie skweru.');
  await transfer.getByRole('button', { name: 'Przekaż zgłoszenie' }).click();
  await expect(page).toHaveURL('/console');
  await expect(page.getByRole('status').filter({ hasText: 'przekazano' })).toHaveText(
    `Zgłoszenie ${third.number} przekazano do jednostki: Zarząd Zieleni Miejskiej w Łodzi.`,
  );
  await expect(page.getByRole('link', { name: /^Dziura na skwerze/ })).toHaveCount(0);

  // The bulk transfer asks for the unit first.
  await page.getByRole('checkbox', { name: `Zaznacz zgłoszenie ${first.number}` }).check();
  await page.getByRole('button', { name: 'Przekaż zaznaczone' }).click();
  const unit = page.getByLabel('Jednostka, do której przekazać');
  await expect(unit).toBeFocused();
  await expect(unit).toHaveAccessibleDescription('Wybierz jednostkę, do której przekazać zgłoszenie.');
  await unit.selectOption({ label: 'Zarząd Zieleni Miejskiej w Łodzi' });
  await page.getByRole('button', { name: 'Przekaż zaznaczone' }).click();
  await expect(page.getByText(`${first.number}: przekazane.`)).toBeVisible();

  // The console in English.
  await page.getByRole('combobox', { name: 'Język', exact: true }).selectOption('en');
  await expect(heading(page)).toHaveText('Operator console');
  await expect(page.getByRole('button', { name: 'Accept the selected' })).toBeVisible();
  await expectNoAxeViolations(page);
});
