import type { APIRequestContext, Page } from '@playwright/test';
import { accessToken, DEMO_ADMIN, DEMO_MODERATOR, DEMO_PASSWORD, logIn, uniqueEmail } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { signedWith, startWebhookReceiver } from './support/webhooks';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Menu główne' });
const adminNav = (page: Page) => page.getByRole('navigation', { name: 'Administracja' });
const section = (page: Page, name: string) => page.getByRole('region', { name });
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** Issues of these categories, near the city centre (apart from other tests' issues). */
const ISSUES = {
  roadDamage: { category: 'road-damage', field_values: { surface: 'road' } },
  // No other spec files in this category, so the webhook test's subscription (filtered to it)
  // hears of this test's issue only.
  illegalDumping: { category: 'illegal-dumping', field_values: { waste: ['tyres'] } },
} as const;

async function issueBody(request: APIRequestContext, kind: keyof typeof ISSUES, title: string) {
  const city = (await (await request.get('/api/v1/city')).json()) as { center: [number, number] };
  const offset = () => (Math.random() - 0.5) / 100;
  return {
    ...ISSUES[kind],
    title,
    description: 'Zgłoszenie złożone w teście integracji.',
    location: { lat: city.center[0] + offset(), lon: city.center[1] + offset() },
    language: 'pl',
  };
}

test('an administrator registers an app and issues a key, which files issues until it is revoked', async ({
  page,
  request,
  pageProblems,
}) => {
  test.slow();
  const name = `Aplikacja osiedlowa ${unique()}`;

  await logIn(page, DEMO_ADMIN, DEMO_PASSWORD);
  await mainNav(page).getByRole('link', { name: 'Administracja' }).click();
  await adminNav(page).getByRole('link', { name: 'Aplikacje i klucze API' }).click();
  await expect(heading(page)).toHaveText('Aplikacje i klucze API');
  await expectNoAxeViolations(page);

  // A wrong contact address is refused by the server, at its input.
  pageProblems.allow(
    (problem) =>
      (problem.kind === 'http' && problem.text.includes('/api/v1/apps: 422')) ||
      (problem.kind === 'console' && problem.text.includes('status of 422')),
  );
  const register = section(page, 'Zarejestruj aplikację');
  await register.getByLabel('Nazwa aplikacji').fill(name);
  const contact = register.getByLabel('Adres e-mail do kontaktu');
  await contact.fill('dev@');
  await expect(register.getByRole('checkbox', { name: 'Składanie zgłoszeń (issues.create)' })).toBeChecked();
  await register.getByLabel('Limit zapytań na minutę').fill('600');
  await register.getByRole('button', { name: 'Zarejestruj aplikację' }).click();
  await expect(contact).toHaveAttribute('aria-invalid', 'true');
  await expect(contact).toHaveAccessibleDescription(/To nie jest poprawny adres e-mail\.$/);
  await expect(contact).toBeFocused();
  await expectNoAxeViolations(page);

  await contact.fill(uniqueEmail('integrator'));
  await register.getByRole('button', { name: 'Zarejestruj aplikację' }).click();
  await expect(heading(page)).toHaveText(`Aplikacja: ${name}`);
  await expect(page.getByRole('status').filter({ hasText: 'została zarejestrowana' })).toBeVisible();
  const keys = section(page, 'Klucze API');
  await expect(keys).toContainText('Ta aplikacja nie ma jeszcze kluczy.');
  await expectNoAxeViolations(page);

  // The key is shown once, in a marked box, and never again.
  await keys.getByRole('button', { name: 'Wydaj klucz' }).click();
  const box = keys.getByRole('region', { name: /^Nowy klucz kk_/ });
  await expect(box.getByRole('heading')).toBeFocused();
  await expect(box).toContainText('Nie będzie można go wyświetlić ponownie');
  const key = await box.getByLabel('Klucz API').inputValue();
  expect(key).toMatch(/^kk_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$/);
  const prefix = key.split('_')[1] ?? '';
  const keyName = `kk_${prefix}_…`;
  await expect(keys.getByRole('row', { name: new RegExp(keyName) })).toContainText('aktywny');
  await expectNoAxeViolations(page);
  await box.getByRole('button', { name: 'Zapisałem – ukryj' }).click();
  await expect(box).toHaveCount(0);
  await expect(keys.getByRole('button', { name: 'Wydaj klucz' })).toBeFocused();
  await page.reload();
  await expect(keys.getByRole('row', { name: new RegExp(keyName) })).toBeVisible();
  await expect(keys.getByRole('region', { name: /^Nowy klucz/ })).toHaveCount(0);
  await expect(page.getByRole('main')).not.toContainText(key);

  // The app files an issue with its key.
  const withKey = { 'X-Api-Key': key };
  const filed = await request.post('/api/v1/issues', {
    headers: withKey,
    data: await issueBody(request, 'roadDamage', `Dziura zgłoszona przez aplikację ${unique()}`),
  });
  expect(filed.status()).toBe(201);
  expect(((await filed.json()) as { number: string }).number).toMatch(/^\d{4}\/\d{6}$/);
  await page.reload();
  await expect(keys.getByRole('row', { name: new RegExp(keyName) })).not.toContainText('nigdy');

  // Revoked (after confirming), the key is refused at once.
  await keys.getByRole('button', { name: `Unieważnij klucz ${keyName}` }).click();
  await expect(keys.getByText(`Unieważnić klucz ${keyName}?`, { exact: false })).toBeFocused();
  await expectNoAxeViolations(page);
  await keys.getByRole('button', { name: 'Tak, unieważnij klucz' }).click();
  const revoked = keys.getByRole('status').filter({ hasText: 'został unieważniony' });
  await expect(revoked).toHaveText(`Klucz ${keyName} został unieważniony.`);
  await expect(keys.getByRole('row', { name: new RegExp(keyName) })).toContainText('unieważniony');
  const refused = await request.post('/api/v1/issues', {
    headers: withKey,
    data: await issueBody(request, 'roadDamage', `Druga dziura ${unique()}`),
  });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { code: string }).code).toBe('invalid_api_key');

  // The list counts the app's active keys.
  await page.getByRole('link', { name: 'Wróć do listy aplikacji' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('600 na minutę');
  await expect(row.getByRole('cell').last()).toHaveText('0');
});

test('an administrator subscribes an app to a webhook, reads the delivery log and redelivers', async ({ page, request }) => {
  test.slow();
  const receiver = await startWebhookReceiver();
  try {
    const admin = await accessToken(request, DEMO_ADMIN);
    const appName = `Powiadomienia osiedlowe ${unique()}`;
    const app = await request.post('/api/v1/apps', {
      headers: { Authorization: `Bearer ${admin}` },
      data: { name: appName, contact_email: uniqueEmail('hooks'), scopes: [], rate_limit_per_minute: 60 },
    });
    expect(app.status()).toBe(201);

    await logIn(page, DEMO_ADMIN, DEMO_PASSWORD);
    await page.goto('/admin/apps');
    await adminNav(page).getByRole('link', { name: 'Webhooki' }).click();
    await expect(heading(page)).toHaveText('Webhooki');
    const form = section(page, 'Nowa subskrypcja');
    await form.getByLabel('Właściciel subskrypcji').selectOption({ label: `Aplikacja: ${appName}` });
    await form.getByLabel('Adres odbiorcy (URL)').fill(`${receiver.url}/kontakt`);
    await form.getByRole('checkbox', { name: 'Zgłoszenie opublikowane (issue.created)' }).check();
    await form.getByRole('checkbox', { name: 'Dzikie wysypisko' }).check();
    await expectNoAxeViolations(page);
    await form.getByRole('button', { name: 'Utwórz subskrypcję' }).click();

    // The signing secret is shown this once.
    const secret = form.getByRole('region', { name: 'Sekret podpisu nowej subskrypcji' });
    await expect(secret.getByRole('heading')).toBeFocused();
    const signingSecret = await secret.getByLabel('Sekret podpisu').inputValue();
    expect(signingSecret).toMatch(/^whsec_/);
    await expect(page.getByRole('row', { name: new RegExp(`${receiver.url}/kontakt`) })).toContainText(`Aplikacja: ${appName}`);
    await expectNoAxeViolations(page);
    await form.getByRole('link', { name: 'Otwórz subskrypcję' }).click();
    await expect(heading(page)).toHaveText('Subskrypcja webhooka');
    await expect(page.getByRole('main')).toContainText('Dzikie wysypisko');
    const log = section(page, 'Dziennik doręczeń');
    await expect(log).toContainText('Nie było jeszcze żadnych doręczeń.');
    await expectNoAxeViolations(page);

    // A visitor's issue in that category is approved by the moderator: the app hears of it.
    const filed = await request.post('/api/v1/issues', {
      data: await issueBody(request, 'illegalDumping', `Opony w parku ${unique()}`),
    });
    expect(filed.status()).toBe(201);
    const { number } = (await filed.json()) as { number: string };
    const moderator = await accessToken(request, DEMO_MODERATOR);
    const approved = await request.post(`/api/v1/issues/${number.replace('/', '-')}/moderation`, {
      headers: { Authorization: `Bearer ${moderator}` },
      data: { decision: 'approved' },
    });
    expect(approved.ok()).toBe(true);
    const first = await receiver.nth(1);
    expect(first.path).toBe('/kontakt');
    expect(first.body).toMatchObject({ type: 'issue.created', issue: { number } });
    // The secret shown once is the one the deliveries are signed with.
    expect(signedWith(first, signingSecret)).toBe(true);

    const rows = log.getByRole('row').filter({ hasText: 'Zgłoszenie opublikowane' });
    await expect(async () => {
      await log.getByRole('button', { name: 'Odśwież dziennik' }).click();
      await expect(rows.first()).toContainText('doręczone', { timeout: 1_000 });
    }).toPass();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('HTTP 200');
    await rows.first().getByText('Treść (JSON)').click();
    await expect(rows.first().locator('pre')).toContainText(number);
    await expectNoAxeViolations(page);

    // Redelivered: the same event again, as a new delivery at the top of the log.
    await rows.first().getByRole('button', { name: /^Wyślij ponownie Zgłoszenie opublikowane/ }).click();
    await expect(log.getByRole('status').filter({ hasText: 'ponownie dodane do kolejki' })).toBeVisible();
    const second = await receiver.nth(2);
    expect(second.body).toEqual(first.body);
    expect(second.headers['kontakt-delivery']).toBeTruthy();
    expect(second.headers['kontakt-delivery']).not.toEqual(first.headers['kontakt-delivery']);
    await expect(async () => {
      await log.getByRole('button', { name: 'Odśwież dziennik' }).click();
      await expect(rows).toHaveCount(2, { timeout: 1_000 });
      await expect(rows.first()).toContainText('doręczone', { timeout: 1_000 });
    }).toPass();
    await expect(rows.first()).toContainText('ponowne wysłanie');

    // Deleted after confirming: the receiver hears no more.
    const removal = section(page, 'Usunięcie subskrypcji');
    await removal.getByRole('button', { name: 'Usuń subskrypcję' }).click();
    await expectNoAxeViolations(page);
    await removal.getByRole('button', { name: 'Tak, usuń subskrypcję' }).click();
    await expect(heading(page)).toHaveText('Webhooki');
    await expect(page.getByRole('status').filter({ hasText: 'została usunięta' })).toContainText(`${receiver.url}/kontakt`);
  } finally {
    await receiver.close();
  }
});

test('no WCAG 2.1 AA violations on the integration pages in English', async ({ page }) => {
  test.slow();
  await logIn(page, DEMO_ADMIN, DEMO_PASSWORD);
  await page.getByRole('combobox', { name: 'Język', exact: true }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/admin/apps');
  await expect(heading(page)).toHaveText('Apps and API keys');
  await expect(page.getByRole('button', { name: 'Register the app' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/admin/webhooks');
  await expect(heading(page)).toHaveText('Webhooks');
  await expect(page.getByRole('button', { name: 'Create the subscription' })).toBeVisible();
  await expectNoAxeViolations(page);
});
