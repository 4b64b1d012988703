import type { Locator, Page } from '@playwright/test';

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** Presses Tab until `target` has the focus, as a keyboard user moves through a page. */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  if (!(await isFocused(target))) {
    throw new Error(`${String(maxPresses)} presses of Tab did not reach ${target.toString()}`);
  }
}

/** Presses `key` until `done` holds (moving through a radio group with the arrow keys). */
export async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, maxPresses = 30): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await done()) return;
    await page.keyboard.press(key);
  }
  if (!(await done())) throw new Error(`${String(maxPresses)} presses of ${key} did not get there`);
}
