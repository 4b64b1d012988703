import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  accountMenu,
  DEMO_ADMIN,
  DEMO_PASSWORD,
  DEMO_RESIDENT,
  logIn,
  registerVerifiedResident,
  STRONG_PASSWORD,
  uniqueEmail,
} from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { expect, test, type PageProblems } from './support/fixtures';
import { linkIn, waitForMail } from './support/mail';
import { totpCode } from './support/totp';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** A refused login is the point of some tests; the browser logs the refusal as an error. */
function allowRefusedLogin(pageProblems: PageProblems, status: number): void {
  pageProblems.allow(
    (problem) =>
      (problem.kind === 'http' && problem.text.includes(`/api/v1/auth/login: ${String(status)}`)) ||
      (problem.kind === 'console' && problem.text.includes(`status of ${String(status)}`)),
  );
}

async function tryLogIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło').fill(password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
}

test('a new resident registers, confirms the address, downloads their data and deletes the account', async ({
  page,
  pageProblems,
}) => {
  // Registration, mail delivery and several pages: more than the default time.
  test.slow();
  const email = uniqueEmail('anna');

  await page.goto('/');
  await accountMenu(page).getByRole('link', { name: 'Załóż konto' }).click();
  await expect(heading(page)).toHaveText('Załóż konto');
  await expect(page.getByRole('group', { name: 'Regulamin serwisu' })).toContainText('Wersja');
  await expectNoAxeViolations(page);

  await page.getByLabel('Imię').fill('Anna');
  await page.getByLabel('Nazwisko').fill('Testowa');
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło').fill(STRONG_PASSWORD);
  await page.getByRole('checkbox', { name: /Akceptuję regulamin/ }).check();
  await page.getByRole('button', { name: 'Załóż konto' }).click();

  await expect(heading(page)).toHaveText('Sprawdź pocztę');
  await expect(page.getByRole('main')).toContainText(email);
  await expectNoAxeViolations(page);

  // The server's mail, received by the test's SMTP listener, links to the web UI.
  const mail = await waitForMail(email, '/verify-email?token=');
  await page.goto(linkIn(mail, '/verify-email'));
  await expect(page.getByRole('status')).toContainText('Adres e-mail został potwierdzony');
  await page.getByRole('link', { name: 'Przejdź do logowania' }).click();

  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(page).toHaveURL('/account');
  await expect(accountMenu(page).getByRole('link', { name: 'Anna Testowa' })).toBeVisible();

  // The access token lives in memory only: a reload resumes the session from the refresh
  // cookie (Secure, SameSite=Strict, which Chromium keeps on http://127.0.0.1).
  await page.reload();
  await expect(accountMenu(page).getByRole('link', { name: 'Anna Testowa' })).toBeVisible();
  await expect(heading(page)).toHaveText('Moje konto');
  await expect(page.getByLabel('Imię')).toHaveValue('Anna');
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Pobierz moje dane' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('kontakt-my-data.json');
  const data = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    account: { email: string; first_name: string };
    consents: { terms_version: string }[];
  };
  expect(data.account.email).toBe(email);
  expect(data.account.first_name).toBe('Anna');
  expect(data.consents).toHaveLength(1);

  await accountMenu(page).getByRole('link', { name: /^Skrzynka/ }).click();
  await expect(heading(page)).toHaveText('Skrzynka odbiorcza');
  await expect(page.getByRole('main')).toContainText('nieprzeczytane: 0');
  await expectNoAxeViolations(page);
  await page.getByRole('navigation', { name: 'Moje konto' }).getByRole('link', { name: 'Moje konto' }).click();

  const deletion = page.getByRole('region', { name: 'Usunięcie konta' });
  await expect(deletion).toContainText('Usunięcia konta nie można cofnąć');
  await deletion.getByLabel('Hasło (potwierdzenie)').fill(STRONG_PASSWORD);
  await deletion.getByRole('checkbox', { name: /Rozumiem/ }).check();
  await deletion.getByRole('button', { name: 'Usuń konto na zawsze' }).click();

  await expect(heading(page)).toHaveText('Konto zostało usunięte');
  await expect(accountMenu(page).getByRole('link', { name: 'Zaloguj się' })).toBeVisible();

  allowRefusedLogin(pageProblems, 401);
  await tryLogIn(page, email, STRONG_PASSWORD);
  await expect(page.getByRole('alert')).toHaveText('Nieprawidłowy adres e-mail lub hasło.');
  await expect(page.getByRole('alert')).toBeFocused();
});

test('an administrator finds a user and blocks them, after which the user cannot log in', async ({
  page,
  request,
  pageProblems,
}) => {
  test.slow();
  const email = uniqueEmail('bartek');
  await registerVerifiedResident(request, { email, firstName: 'Bartek', lastName: 'Blokowany' });

  await logIn(page, DEMO_ADMIN, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Administracja' }).click();
  await expect(heading(page)).toHaveText('Użytkownicy');
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('searchbox', { name: 'Szukaj' }).fill(email);
  await page.getByRole('search').getByRole('button', { name: 'Szukaj' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Znaleziono' })).toHaveText('Znaleziono 1 konto');
  await page.getByRole('link', { name: 'Bartek Blokowany' }).click();

  await expect(heading(page)).toHaveText('Bartek Blokowany');
  await expect(page.getByRole('main')).toContainText(email);
  await expectNoAxeViolations(page);

  const blocking = page.getByRole('region', { name: 'Blokada konta' });
  await blocking.getByLabel('Powód blokady').fill('Obraźliwe treści w zgłoszeniach (pkt 7 regulaminu).');
  await blocking.getByRole('button', { name: 'Zablokuj konto' }).click();
  await expect(blocking).toContainText('To konto jest zablokowane.');
  await expect(blocking).toContainText('Obraźliwe treści');
  await expect(blocking.getByRole('button', { name: 'Odblokuj konto' })).toBeVisible();

  await page.getByRole('link', { name: 'Wróć do listy użytkowników' }).click();
  await page.getByLabel('Stan').selectOption('true');
  await page.getByRole('search').getByRole('button', { name: 'Szukaj' }).click();
  await expect(page).toHaveURL(/blocked=true/);
  await expect(page.getByRole('link', { name: 'Bartek Blokowany' })).toBeVisible();

  await accountMenu(page).getByRole('button', { name: 'Wyloguj się' }).click();
  await expect(accountMenu(page).getByRole('link', { name: 'Zaloguj się' })).toBeVisible();

  allowRefusedLogin(pageProblems, 403);
  await tryLogIn(page, email, STRONG_PASSWORD);
  await expect(page.getByRole('alert')).toHaveText(
    'Twoje konto zostało zablokowane przez administratora. Skontaktuj się z urzędem miasta.',
  );
});

test('a message from an administrator reaches the resident’s inbox', async ({ page }) => {
  const subject = `Naprawa latarni ${Date.now().toString(36)}`;

  await logIn(page, DEMO_ADMIN, DEMO_PASSWORD);
  await page.goto(`/admin/users?q=${encodeURIComponent(DEMO_RESIDENT)}`);
  await page.getByRole('link', { name: 'Jan Mieszkaniec' }).click();
  const message = page.getByRole('region', { name: 'Wiadomość do użytkownika' });
  await message.getByLabel('Temat').fill(subject);
  await message.getByLabel('Treść').fill('Latarnia przy ul. Piotrkowskiej 100 została naprawiona.');
  await message.getByRole('button', { name: 'Wyślij wiadomość' }).click();
  await expect(message.getByRole('status')).toHaveText('Wiadomość została wysłana do skrzynki użytkownika.');
  await accountMenu(page).getByRole('button', { name: 'Wyloguj się' }).click();
  await expect(accountMenu(page).getByRole('link', { name: 'Zaloguj się' })).toBeVisible();

  await logIn(page, DEMO_RESIDENT, DEMO_PASSWORD);
  await expect(accountMenu(page).getByRole('link', { name: /^Skrzynka \d+ now/ })).toBeVisible();
  await accountMenu(page).getByRole('link', { name: /^Skrzynka/ }).click();
  const item = page.getByRole('article', { name: subject });
  await expect(item).toContainText('Latarnia przy ul. Piotrkowskiej 100 została naprawiona.');
  await expect(item).toContainText('nieprzeczytana');
  await expectNoAxeViolations(page);

  await item.getByRole('button', { name: 'Oznacz jako przeczytaną' }).click();
  await expect(item.getByRole('button', { name: 'Oznacz jako przeczytaną' })).toHaveCount(0);
  await expect(item).toContainText('przeczytana');
});

test('a resident is kept out of the administration and pages that need a login ask for one', async ({ page }) => {
  await page.goto('/account/inbox');
  await expect(page).toHaveURL('/login?next=%2Faccount%2Finbox');
  await page.getByLabel('Adres e-mail').fill(DEMO_RESIDENT);
  await page.getByLabel('Hasło').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(page).toHaveURL('/account/inbox');
  await expect(page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Administracja' })).toHaveCount(0);

  await page.goto('/admin/users');
  await expect(heading(page)).toHaveText('Brak dostępu');
  await expectNoAxeViolations(page);
});

/** The administration's pages, with what shows each has loaded. */
const adminPages = [
  { path: '/admin/users', heading: { pl: 'Użytkownicy', en: 'Users' }, ready: 'table' },
  { path: '/admin/invite', heading: { pl: 'Zaproś pracownika', en: 'Invite a staff member' }, ready: 'form' },
  { path: '/admin/terms', heading: { pl: 'Regulamin serwisu', en: 'Terms of service' }, ready: 'list' },
  { path: '/admin/announcements', heading: { pl: 'Ogłoszenia', en: 'Announcements' }, ready: 'form' },
  { path: '/admin/access-log', heading: { pl: 'Dostęp do danych osobowych', en: 'Personal data access' }, ready: 'table' },
] as const;

for (const language of ['pl', 'en'] as const) {
  test(`no WCAG 2.1 AA violations in the administration (${language})`, async ({ page }) => {
    test.slow();
    await logIn(page, DEMO_ADMIN, DEMO_PASSWORD);
    if (language === 'en') {
      await page.getByRole('combobox', { name: 'Język', exact: true }).selectOption('en');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    for (const adminPage of adminPages) {
      await page.goto(adminPage.path);
      await expect(heading(page)).toHaveText(adminPage.heading[language]);
      if (adminPage.ready === 'table') {
        await expect(page.getByRole('table')).toBeVisible();
      } else if (adminPage.ready === 'list') {
        // Each version is a disclosure (a group) with its number and date.
        await expect(page.getByRole('main').getByRole('group').first()).toBeVisible();
      }
      await expectNoAxeViolations(page);
    }

    // An account's page, and the unit picker of a unit-scoped role.
    await page.goto('/admin/users?q=operator.zdit');
    await page.getByRole('link', { name: 'Olga Drogowa' }).click();
    await expect(heading(page)).toHaveText('Olga Drogowa');
    await expect(page.getByRole('combobox', { name: language === 'pl' ? 'Jednostka' : 'Unit' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test('a resident resets a forgotten password, edits the profile and turns on two-step verification', async ({ page, request }) => {
  test.slow();
  const email = uniqueEmail('celina');
  await registerVerifiedResident(request, { email, firstName: 'Celina', lastName: 'Zapominalska' });
  const newPassword = 'Kasztany spadają w październiku 7';

  await page.goto('/login');
  await page.getByRole('link', { name: 'Nie pamiętasz hasła?' }).click();
  await expect(heading(page)).toHaveText('Nie pamiętasz hasła?');
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByRole('button', { name: 'Wyślij link' }).click();
  await expect(page.getByRole('status')).toContainText('wysłaliśmy link');

  const mail = await waitForMail(email, '/reset-password?token=');
  await page.goto(linkIn(mail, '/reset-password'));
  await expect(heading(page)).toHaveText('Nowe hasło');
  await page.getByLabel('Nowe hasło').fill(newPassword);
  await page.getByRole('button', { name: 'Ustaw hasło' }).click();
  await expect(page.getByRole('status')).toContainText('Hasło zostało zmienione');
  await expectNoAxeViolations(page);

  await logIn(page, email, newPassword);

  const details = page.getByRole('region', { name: 'Dane osobowe' });
  await details.getByLabel('Imię').fill('Celestyna');
  await details.getByLabel(/^Telefon/).fill('+48 42 600 70 80');
  await details.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await expect(details.getByRole('status')).toHaveText('Zmiany zostały zapisane.');
  await expect(accountMenu(page).getByRole('link', { name: 'Celestyna Zapominalska' })).toBeVisible();

  const twoStep = page.getByRole('region', { name: 'Weryfikacja dwuetapowa' });
  await twoStep.getByRole('button', { name: 'Włącz weryfikację dwuetapową' }).click();
  const secret = (await twoStep.locator('dd code').first().textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(twoStep).toContainText('otpauth://totp/');
  await twoStep.getByLabel('Kod z aplikacji uwierzytelniającej').fill(totpCode(secret));
  await twoStep.getByRole('button', { name: 'Potwierdź i włącz' }).click();
  await expect(twoStep.getByRole('status')).toContainText('Weryfikacja dwuetapowa została włączona.');
  const codes = twoStep.getByRole('list', { name: 'Kody odzyskiwania' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent()) ?? '';
  await expectNoAxeViolations(page);

  await accountMenu(page).getByRole('button', { name: 'Wyloguj się' }).click();
  await expect(accountMenu(page).getByRole('link', { name: 'Zaloguj się' })).toBeVisible();
  await page.goto('/login');
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło').fill(newPassword);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Drugi składnik logowania' })).toBeFocused();
  await expectNoAxeViolations(page);
  // The code just used is refused again within its 30 s, so log in with a recovery code.
  await page.getByRole('button', { name: 'Użyj kodu odzyskiwania' }).click();
  await page.getByLabel('Kod odzyskiwania').fill(recoveryCode);
  await page.getByRole('button', { name: 'Potwierdź' }).click();
  await expect(page).toHaveURL('/account');
  await expect(page.getByRole('region', { name: 'Weryfikacja dwuetapowa' })).toContainText(
    'Weryfikacja dwuetapowa jest włączona',
  );
});

test('an administrator invites an operator of a unit, who accepts the invitation; roles are granted and revoked', async ({
  page,
}) => {
  test.slow();
  const email = uniqueEmail('dorota');

  await logIn(page, DEMO_ADMIN, DEMO_PASSWORD);
  await page.goto('/admin/invite');
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Imię').fill('Dorota');
  await page.getByLabel('Nazwisko').fill('Zaproszona');
  await page.getByLabel('Rola').selectOption('operator');
  await page.getByLabel('Jednostka').selectOption({ label: 'Zarząd Dróg i Transportu' });
  await page.getByRole('button', { name: 'Wyślij zaproszenie' }).click();
  await expect(page.getByRole('status')).toContainText('Zaproszenie zostało wysłane.');
  await expectNoAxeViolations(page);

  // The account exists with its role; grant one more and take it back.
  await page.getByRole('link', { name: 'Otwórz konto' }).click();
  await expect(heading(page)).toHaveText('Dorota Zaproszona');
  const roles = page.getByRole('region', { name: 'Role' });
  await expect(roles.getByRole('listitem')).toHaveText([/Operator – Zarząd Dróg i Transportu/]);
  await roles.getByLabel('Rola').selectOption('moderator');
  await expect(roles.getByLabel('Jednostka')).toHaveCount(0);
  await roles.getByRole('button', { name: 'Nadaj rolę' }).click();
  await expect(roles.getByRole('listitem')).toHaveCount(2);
  await roles.getByRole('button', { name: 'Odbierz rolę: Moderator' }).click();
  await expect(roles.getByRole('listitem')).toHaveText([/Operator – Zarząd Dróg i Transportu/]);

  await accountMenu(page).getByRole('button', { name: 'Wyloguj się' }).click();
  await expect(accountMenu(page).getByRole('link', { name: 'Zaloguj się' })).toBeVisible();

  const mail = await waitForMail(email, '/invitation?token=');
  await page.goto(linkIn(mail, '/invitation'));
  await expect(heading(page)).toHaveText('Zaproszenie do serwisu Kontakt');
  await page.getByLabel('Hasło').fill(STRONG_PASSWORD);
  await page.getByRole('checkbox', { name: /Akceptuję regulamin/ }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Aktywuj konto' }).click();
  await expect(page.getByRole('status')).toContainText('Konto zostało aktywowane.');

  await logIn(page, email, STRONG_PASSWORD);
  await expect(page.getByRole('main')).toContainText('Twoje role: Operator');
});

test('an administrator schedules a new version of the terms', async ({ page, pageProblems }) => {
  const version = `90.${String(Date.now() % 1_000_000)}`;

  await logIn(page, DEMO_ADMIN, DEMO_PASSWORD);
  await page.goto('/admin/terms');
  const publish = page.getByRole('region', { name: 'Opublikuj nową wersję' });
  await publish.getByLabel('Numer wersji').fill(version);
  // In the future, so the terms in force (which other tests accept) stay as they are.
  await publish.getByLabel('Obowiązuje od').fill('2030-01-01T00:00');
  await publish.getByLabel('Treść po polsku').fill('# Regulamin\n\n1. Nowa wersja.');
  await publish.getByLabel('Treść po angielsku').fill('# Terms\n\n1. A new version.');
  await publish.getByRole('button', { name: 'Opublikuj' }).click();
  await expect(publish.getByRole('status')).toHaveText('Nowa wersja regulaminu została opublikowana.');

  const versions = page.getByRole('region', { name: 'Wersje regulaminu' });
  const scheduled = versions.getByRole('group').filter({ hasText: `Wersja ${version} ` });
  await expect(scheduled).toContainText('zaplanowana');
  await expect(scheduled).toContainText('1 stycznia 2030');
  await expect(versions.getByRole('group').filter({ hasText: 'obowiązuje' })).toHaveCount(1);

  // The same number again is refused at its field.
  await publish.getByLabel('Numer wersji').fill(version);
  await publish.getByLabel('Obowiązuje od').fill('2030-01-01T00:00');
  await publish.getByLabel('Treść po polsku').fill('x');
  await publish.getByLabel('Treść po angielsku').fill('x');
  pageProblems.allow(
    (problem) =>
      (problem.kind === 'http' && problem.text.includes('/api/v1/terms: 409')) ||
      (problem.kind === 'console' && problem.text.includes('status of 409')),
  );
  await publish.getByRole('button', { name: 'Opublikuj' }).click();
  const versionField = publish.getByLabel('Numer wersji');
  await expect(versionField).toHaveAttribute('aria-invalid', 'true');
  await expect(versionField).toHaveAccessibleDescription(/Wersja regulaminu o tym numerze już istnieje/);
  await expect(versionField).toBeFocused();
});
