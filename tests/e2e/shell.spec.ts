import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';

type Language = 'pl' | 'en';

const navLabels: Record<Language, string[]> = {
  pl: ['Mapa', 'Zgłoś problem', 'Procedury', 'Jednostki'],
  en: ['Map', 'Report a problem', 'Procedures', 'Units'],
};

const navName: Record<Language, string> = { pl: 'Menu główne', en: 'Main menu' };

/** Every page of the shell with the h1 that shows it has rendered. */
const pages: { path: string; heading: Record<Language, string> }[] = [
  { path: '/', heading: { pl: 'Mapa zgłoszeń', en: 'Map of reports' } },
  { path: '/report', heading: { pl: 'Zgłoś problem', en: 'Report a problem' } },
  { path: '/procedures', heading: { pl: 'Procedury', en: 'Procedures' } },
  { path: '/procedures/123', heading: { pl: 'Nie znaleziono procedury', en: 'Procedure not found' } },
  { path: '/login', heading: { pl: 'Logowanie', en: 'Log in' } },
  { path: '/register', heading: { pl: 'Załóż konto', en: 'Create an account' } },
  { path: '/forgot-password', heading: { pl: 'Nie pamiętasz hasła?', en: 'Forgot your password?' } },
  { path: '/units', heading: { pl: 'Jednostki miasta', en: 'City units' } },
  { path: '/no-such-page', heading: { pl: 'Nie znaleziono strony', en: 'Page not found' } },
];

/** A unit in the demo data (seed-demo). */
const DEMO_UNIT = 'Zarząd Dróg i Transportu';

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.getByRole('combobox', { name: /^(Język|Language)$/ }).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Opens `path` with the UI in `language` (chosen through the switcher, as a resident would). */
async function openIn(page: Page, path: string, language: Language): Promise<void> {
  if (language !== 'pl') {
    await page.goto('/');
    await chooseLanguage(page, language);
  }
  await page.goto(path);
}

test('the shell renders in Polish by default', async ({ page }) => {
  await page.goto('/');

  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page).toHaveTitle('Mapa zgłoszeń – Kontakt');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Kontakt' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: navName.pl });
  await expect(nav.getByRole('link')).toHaveText(navLabels.pl);
  await expect(nav.getByRole('link', { name: 'Mapa' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mapa zgłoszeń');
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
});

test('switching to English changes the labels and survives a reload', async ({ page }) => {
  await page.goto('/units');

  await chooseLanguage(page, 'en');

  const nav = page.getByRole('navigation', { name: navName.en });
  await expect(nav.getByRole('link')).toHaveText(navLabels.en);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('City units');
  await expect(page).toHaveTitle('City units – Kontakt');

  await page.reload();

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: navName.en }).getByRole('link')).toHaveText(navLabels.en);
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');

  await chooseLanguage(page, 'pl');
  await expect(page.getByRole('navigation', { name: navName.pl }).getByRole('link')).toHaveText(navLabels.pl);
});

test('a deep link loads the app', async ({ page }) => {
  await page.goto('/procedures/123');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nie znaleziono procedury');
  await expect(page.getByRole('navigation', { name: navName.pl }).getByRole('link', { name: 'Procedury' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('an unknown address shows the not-found page inside the shell', async ({ page }) => {
  await page.goto('/no/such/page');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nie znaleziono strony');
  await page.getByRole('link', { name: 'Przejdź do strony głównej' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mapa zgłoszeń');
});

test('the navigation moves between pages without reloading', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: navName.pl });

  await nav.getByRole('link', { name: 'Procedury' }).click();
  await expect(page).toHaveURL('/procedures');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Procedury');
  await expect(nav.getByRole('link', { name: 'Procedury' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Mapa' })).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('main')).toBeFocused();
});

test('the skip link is the first stop for the keyboard and leads to the content', async ({ page }) => {
  await page.goto('/');

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Przejdź do treści' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('the units page lists the units from the server', async ({ page }) => {
  await page.goto('/units');

  const unit = page.getByRole('article', { name: DEMO_UNIT, exact: true });
  await expect(unit).toBeVisible();
  // The unit's kind arrives as a code and is shown translated.
  await expect(unit).toContainText('Jednostka miejska');
  await expect(unit.getByRole('link', { name: 'https://zdit.lodz.example' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

for (const language of ['pl', 'en'] as const) {
  for (const { path, heading } of pages) {
    test(`no WCAG 2.1 AA violations on ${path} (${language})`, async ({ page }) => {
      await openIn(page, path, language);

      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading[language]);
      if (path === '/units') {
        await expect(page.getByRole('article').first()).toBeVisible();
      }
      if (path === '/register') {
        await expect(page.getByRole('checkbox')).toBeVisible();
      }
      await expectNoAxeViolations(page);
    });
  }
}
