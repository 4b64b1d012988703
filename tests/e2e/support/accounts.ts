import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import { linkIn, tokenOf, waitForMail } from './mail';

/** Every demo account has this password (seed-demo). */
export const DEMO_PASSWORD = 'Kontakt-demo-2026!';
export const DEMO_ADMIN = 'admin@demo.kontakt.example';
export const DEMO_RESIDENT = 'resident@demo.kontakt.example';
export const DEMO_MODERATOR = 'moderator@demo.kontakt.example';

/** A password the server accepts (long, not common). */
export const STRONG_PASSWORD = 'Zielony tramwaj jedzie nocą 42';

/** An address no other test (or earlier run) uses. */
export function uniqueEmail(name: string): string {
  return `${name}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}@example.org`;
}

type NewResident = { email: string; firstName: string; lastName: string; password?: string };

/** Registers a resident through the API and confirms the address with the mailed link. */
export async function registerVerifiedResident(request: APIRequestContext, resident: NewResident): Promise<void> {
  const terms = await request.get('/api/v1/terms/current');
  expect(terms.ok()).toBe(true);
  const { version } = (await terms.json()) as { version: string };
  const registered = await request.post('/api/v1/auth/register', {
    data: {
      first_name: resident.firstName,
      last_name: resident.lastName,
      email: resident.email,
      password: resident.password ?? STRONG_PASSWORD,
      accepted_terms_version: version,
      language: 'pl',
    },
  });
  expect(registered.status()).toBe(202);
  const mail = await waitForMail(resident.email, '/verify-email?token=');
  const verified = await request.post('/api/v1/auth/verify-email', {
    data: { token: tokenOf(linkIn(mail, '/verify-email')) },
  });
  expect(verified.status()).toBe(204);
}

/** Logs in through the login page (in Polish) and waits for the account page. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Adres e-mail').fill(email);
  await page.getByLabel('Hasło').fill(password);
  await page.getByRole('button', { name: 'Zaloguj się' }).click();
  await expect(page).toHaveURL('/account');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moje konto');
}

/** The header's account navigation. */
export function accountMenu(page: Page) {
  return page.getByRole('navigation', { name: /^(Konto|Account)$/ });
}

/** An access token of a demo account, for steps a test takes through the API. */
export async function accessToken(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  const { access_token: token } = (await response.json()) as { access_token: string };
  return token;
}
