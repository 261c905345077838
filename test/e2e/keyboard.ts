/** Moving through a form with the keyboard alone (Tab, arrows, typing), as a user without a mouse does. */
import type { Page } from 'playwright-core';

/** The id of the element that has focus ('' for none). */
export const focusedId = (page: Page): Promise<string> =>
  page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id?: string } | null } }).document.activeElement?.id ?? '');

/**
 * Waits until the page has put focus on this element (autofocus runs with the page's next
 * rendering, which a busy machine can delay past the load event).
 */
export async function waitForFocus(page: Page, id: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (want) => (globalThis as unknown as { document: { activeElement: { id?: string } | null } }).document.activeElement?.id === want,
    id, { timeout },
  ).catch(async () => { throw new Error(`#${id} never got focus (focus is on #${await focusedId(page)})`); });
}

/** Presses Tab until the element with this id has focus; fails if the tab order never reaches it. */
export async function tabTo(page: Page, id: string, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`#${id} was not reached with ${maxPresses} presses of Tab`);
}

/** With a closed select focused: ArrowDown until the chosen option's text is `label`. */
export async function arrowToOption(page: Page, id: string, label: string, maxPresses = 60): Promise<void> {
  const chosen = page.locator(`#${id} option:checked`);
  for (let i = 0; i < maxPresses; i++) {
    if ((await chosen.textContent())?.trim() === label) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`option ${label} of #${id} was not reached with the arrow keys`);
}

/** Tab to a field, then choose an option of it with the arrows. */
export async function choose(page: Page, id: string, label: string): Promise<void> {
  await tabTo(page, id);
  await arrowToOption(page, id, label);
}
