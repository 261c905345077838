/** Logging in the way a user does: keyboard only (the username field has focus; type, Tab, type, Enter). */
import type { Page } from 'playwright-core';
import type { Session } from './browser';
import { waitForFocus } from './keyboard';
import { TEST_PASSWORD } from './seed-data';

/** Fails with what the page says (its heading and error summary) when it is not at `path`. */
export async function expectAt(page: Page, path: string): Promise<void> {
  const at = new URL(page.url()).pathname;
  if (at === path) return;
  const said = await page.locator('h1, .error-summary, .error-text, .notice, .flash').allTextContents();
  throw new Error(`expected to be at ${path}, but the browser is at ${at}: ${said.map((t) => t.trim().replace(/\s+/g, ' ')).join(' / ')}`);
}

/** Password step only: the caller continues from where the app sends the user next. */
export async function typeCredentials(s: Session, username: string): Promise<void> {
  const { page } = s;
  await s.visit('/login');
  await waitForFocus(page, 'username');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(TEST_PASSWORD);
  await s.navigate(() => page.keyboard.press('Enter'));
}

export async function logIn(s: Session, username: string): Promise<void> {
  await typeCredentials(s, username);
  await expectAt(s.page, '/');
}
