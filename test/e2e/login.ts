/** Logging in the way a user does: keyboard only (the username field has focus; type, Tab, type, Enter). */
import type { Page } from 'playwright-core';
import { totpCode } from '../../src/auth/totp';
import type { Session } from './browser';
import { waitForFocus } from './keyboard';
import { TEST_PASSWORD, TEST_TOTP_SECRET } from './seed-data';

/** Fails with what the page says (its heading and error summary) when it is not at `path` (or a path it matches). */
export async function expectAt(page: Page, path: string | RegExp): Promise<void> {
  const at = new URL(page.url()).pathname;
  if (typeof path === 'string' ? at === path : path.test(at)) return;
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

/** A user with a second factor (every manager): the password, then the authenticator app's code, typed. */
export async function logInWithCode(s: Session, username: string): Promise<void> {
  const { page } = s;
  await typeCredentials(s, username);
  await expectAt(page, '/login/two-factor');
  await waitForFocus(page, 'code');
  await page.keyboard.type(totpCode(TEST_TOTP_SECRET, new Date()));
  await s.navigate(() => page.keyboard.press('Enter'));
  await expectAt(page, '/');
}
