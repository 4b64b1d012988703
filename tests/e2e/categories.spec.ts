import type { Locator, Page } from '@playwright/test';
import { DEMO_ADMIN, DEMO_PASSWORD, logIn } from './support/accounts';
import { expectNoAxeViolations } from './support/axe';
import { expect, test } from './support/fixtures';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Menu główne' });
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** The editor of the extra field at `position` (its group is named "Pole 2: …"). */
const fieldEditor = (page: Page, position: number) =>
  page.getByRole('group', { name: new RegExp(`^Pole ${String(position)}: `) });

/** The legends of the extra fields, in the editor's order. */
const fieldLegends = (page: Page) => page.locator('legend').filter({ hasText: /^Pole \d+: / });

async function fillOption(field: Locator, position: number, value: string, pl: string, en: string): Promise<void> {
  await field.getByLabel(`Opcja ${String(position)}: wartość`).fill(value);
  await field.getByLabel(`Opcja ${String(position)}: etykieta po polsku`).fill(pl);
  await field.getByLabel(`Opcja ${String(position)}: etykieta po angielsku`).fill(en);
}

test('an administrator adds a category with a required select field, edits it, and residents can choose it', async ({
  page,
  pageProblems,
}) => {
  test.slow();
  const suffix = unique();
  const slug = `lawki-${suffix}`;
  const group = `Mała architektura ${suffix}`;
  const name = `Zniszczona ławka ${suffix}`;
  const renamed = `Zniszczona lub brudna ławka ${suffix}`;

  await logIn(page, DEMO_ADMIN, DEMO_PASSWORD);
  await mainNav(page).getByRole('link', { name: 'Administracja' }).click();
  await page.getByRole('navigation', { name: 'Administracja' }).getByRole('link', { name: 'Kategorie' }).click();
  await expect(heading(page)).toHaveText('Kategorie zgłoszeń');
  const roads = page.getByRole('region', { name: 'Drogi i chodniki' });
  const roadDamage = roads.getByRole('row', { name: /Uszkodzona nawierzchnia drogi/ });
  await expect(roadDamage).toContainText('Zarząd Dróg i Transportu');
  await expect(roadDamage).toContainText('automatycznie');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Dodaj kategorię' }).click();
  await expect(heading(page)).toHaveText('Nowa kategoria');
  await page.getByLabel('Identyfikator').fill(slug);
  await page.getByLabel('Nazwa po polsku').fill(name);
  await page.getByLabel('Grupa po polsku').fill(group);
  await page.getByLabel('Grupa po angielsku').fill(`Street furniture ${suffix}`);
  await page.getByLabel('Jednostka obsługująca').selectOption({ label: 'Zarząd Zieleni Miejskiej w Łodzi' });
  await page.getByRole('radio', { name: /^Przez operatora/ }).check();

  // A required select field with two options, added with the keyboard.
  const addField = page.getByRole('button', { name: 'Dodaj pole' });
  await addField.focus();
  await page.keyboard.press('Enter');
  const state = fieldEditor(page, 1);
  await expect(state.getByLabel('Klucz')).toBeFocused();
  await page.keyboard.type('stan');
  await state.getByLabel('Rodzaj pola').selectOption({ label: 'Wybór jednej opcji' });
  await state.getByLabel('Etykieta po polsku', { exact: true }).fill('Co się stało');
  await state.getByLabel('Etykieta po angielsku', { exact: true }).fill('What happened');
  await state.getByLabel('Podpowiedź po polsku (nieobowiązkowe)').fill('Wybierz najbliższą odpowiedź.');
  await state.getByRole('checkbox', { name: 'Pole wymagane' }).check();
  await fillOption(state, 1, 'broken', 'Złamana', 'Broken');
  await state.getByRole('button', { name: 'Dodaj opcję' }).click();
  await expect(state.getByLabel('Opcja 2: wartość')).toBeFocused();
  await fillOption(state, 2, 'graffiti', 'Pomazana', 'Graffiti');

  // A second, optional text field, then moved above the first with the keyboard.
  await addField.click();
  const note = fieldEditor(page, 2);
  await note.getByLabel('Klucz').fill('uwagi');
  await note.getByLabel('Etykieta po polsku', { exact: true }).fill('Uwagi');
  await note.getByLabel('Etykieta po angielsku', { exact: true }).fill('Notes');
  await note.getByRole('button', { name: 'W górę: pole 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(fieldLegends(page)).toHaveText(['Pole 1: Uwagi', 'Pole 2: Co się stało']);
  // At the top its "up" is disabled: the focus moved to its "down".
  await expect(page.getByRole('button', { name: 'W dół: pole 1' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'jest teraz na pozycji' })).toHaveText(
    'Pole „Uwagi” jest teraz na pozycji 1 z 2.',
  );

  // The English name is missing: the server's refusal is shown at that input.
  pageProblems.allow(
    (problem) =>
      (problem.kind === 'http' && problem.text.includes('/api/v1/categories: 422')) ||
      (problem.kind === 'console' && problem.text.includes('status of 422')),
  );
  await page.getByRole('button', { name: 'Dodaj kategorię' }).click();
  const nameEn = page.getByLabel('Nazwa po angielsku');
  await expect(nameEn).toHaveAttribute('aria-invalid', 'true');
  await expect(nameEn).toHaveAccessibleDescription('To pole jest wymagane.');
  await expect(nameEn).toBeFocused();
  await expectNoAxeViolations(page);

  await nameEn.fill(`Damaged bench ${suffix}`);
  await page.getByRole('button', { name: 'Dodaj kategorię' }).click();
  await expect(heading(page)).toHaveText('Kategorie zgłoszeń');
  await expect(page.getByRole('status').filter({ hasText: 'została dodana' })).toHaveText(`Kategoria „${name}” została dodana.`);
  const row = page.getByRole('region', { name: group }).getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Zarząd Zieleni Miejskiej w Łodzi');
  await expect(row).toContainText('przez operatora');
  await expect(row).toContainText('przyjmuje zgłoszenia');

  // Editing: a new name, a third option, the place made optional.
  await row.getByRole('link', { name }).click();
  await expect(heading(page)).toHaveText(`Kategoria: ${name}`);
  await expect(page.getByLabel('Identyfikator')).toHaveValue(slug);
  await expect(fieldLegends(page)).toHaveText(['Pole 1: Uwagi', 'Pole 2: Co się stało']);
  await expect(fieldEditor(page, 2).getByLabel('Opcja 2: etykieta po polsku')).toHaveValue('Pomazana');
  await expectNoAxeViolations(page);

  await page.getByLabel('Nazwa po polsku').fill(renamed);
  const edited = fieldEditor(page, 2);
  await edited.getByRole('button', { name: 'Dodaj opcję' }).click();
  await fillOption(edited, 3, 'dirty', 'Brudna', 'Dirty');
  await page.getByRole('checkbox', { name: 'Zgłoszenie musi wskazywać miejsce' }).uncheck();
  await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Zmiany zostały zapisane.' })).toBeVisible();
  await expect(heading(page)).toHaveText(`Kategoria: ${renamed}`);

  await page.getByRole('link', { name: 'Wróć do listy kategorii' }).click();
  const renamedRow = page.getByRole('region', { name: group }).getByRole('row', { name: new RegExp(renamed) });
  await expect(renamedRow).toContainText('nieobowiązkowe');
  await expect(renamedRow.getByRole('cell').nth(4)).toHaveText('2');

  // The public report form offers it under its group, and asks its required question.
  await mainNav(page).getByRole('link', { name: 'Zgłoś problem' }).click();
  const choice = page.getByRole('group', { name: group }).getByRole('radio', { name: renamed });
  await expect(choice).toBeVisible();
});

for (const language of ['pl', 'en'] as const) {
  test(`no WCAG 2.1 AA violations in the category administration (${language})`, async ({ page }) => {
    test.slow();
    const text = {
      pl: { title: 'Kategorie zgłoszeń', edit: 'Kategoria: Uszkodzona nawierzchnia drogi', new: 'Nowa kategoria', select: 'Wybór jednej opcji' },
      en: { title: 'Issue categories', edit: 'Category: Road damage', new: 'New category', select: 'One of several options' },
    }[language];
    await logIn(page, DEMO_ADMIN, DEMO_PASSWORD);
    if (language === 'en') {
      await page.getByRole('combobox', { name: 'Język', exact: true }).selectOption('en');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }

    await page.goto('/admin/categories');
    await expect(heading(page)).toHaveText(text.title);
    await expect(page.getByRole('table').first()).toBeVisible();
    await expectNoAxeViolations(page);

    // An existing category's editor, with a select field and its options.
    await page.goto('/admin/categories/road-damage');
    await expect(heading(page)).toHaveText(text.edit);
    await expect(page.getByRole('group', { name: language === 'pl' ? 'Opcje do wyboru' : 'Options', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // A new category with one field of each kind that shows its own inputs.
    await page.goto('/admin/categories/new');
    await expect(heading(page)).toHaveText(text.new);
    const add = page.getByRole('button', { name: language === 'pl' ? 'Dodaj pole' : 'Add a field' });
    await add.click();
    await add.click();
    await page.getByRole('combobox', { name: language === 'pl' ? 'Rodzaj pola' : 'Type of field' }).last().selectOption({ label: text.select });
    await expectNoAxeViolations(page);
  });
}
