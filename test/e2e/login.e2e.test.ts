import { expect, test } from '@jest/globals';
import { totpCode } from '../../src/auth/totp';
import { useBrowserSessions } from './browser';
import { waitForFocus } from './keyboard';
import { expectAt, typeCredentials } from './login';
import { E2E_USERS, TEST_TOTP_SECRET } from './seed-data';

const browser = useBrowserSessions();
const path = (url: string) => new URL(url).pathname;

// One test: a code is accepted once, so a second manager login within 30 s would be a replay.
test('a manager logs in with the password, then the 6-digit code from the authenticator (keyboard only)', async () => {
  const s = await browser.open();
  const { page } = s;
  await s.visit('/');
  expect(path(page.url())).toBe('/login');

  await typeCredentials(s, E2E_USERS.manager);
  await expectAt(page, '/login/two-factor');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('確認コードの入力');
  expect(await page.locator('.user-box').count()).toBe(0); // not logged in yet

  // A wrong code keeps the user out and says why; the field has focus again.
  const good = totpCode(TEST_TOTP_SECRET, new Date());
  const wrong = String((Number(good) + 500000) % 1000000).padStart(6, '0');
  await waitForFocus(page, 'code');
  await page.keyboard.type(wrong);
  const refused = await s.navigate(() => page.keyboard.press('Enter'));
  expect(refused.status()).toBe(401);
  expect(await page.locator('#code-error').textContent()).toMatch(/確認コード/);

  await waitForFocus(page, 'code');
  await page.keyboard.type(totpCode(TEST_TOTP_SECRET, new Date()));
  await s.navigate(() => page.keyboard.press('Enter'));
  await expectAt(page, '/');
  expect(await page.locator('.user-box').textContent()).toContain('管理者（センター長・市担当課）');
});
