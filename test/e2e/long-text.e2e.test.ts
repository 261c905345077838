/**
 * Long text in a real browser: a field far over its maximum comes back with its message and the
 * text; a body over even the server's limit is not sent at all (the page keeps everything); and
 * where it is sent anyway (no script), the 413 page is right that Back brings the text back.
 */
import { expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { useBrowserSessions } from './browser';
import { focusedId } from './keyboard';
import { logIn } from './login';
import { E2E_USERS } from './seed-data';

const browser = useBrowserSessions();

/** n characters of 3-byte UTF-8, with line breaks. */
const longText = (n: number) => Array.from({ length: n }, (_, i) => (i % 100 === 99 ? '\n' : '議')).join('');

/** Pastes text into the minutes (typing, even fill(), is far too slow for 300,000 characters). */
async function pasteMinutes(page: Page, text: string): Promise<void> {
  await page.getByLabel('議事録').fill('');
  await page.getByLabel('議事録').evaluate((el, value) => {
    (el as unknown as { value: string }).value = value;
  }, text);
}

const minutesLength = async (page: Page) => (await page.getByLabel('議事録').inputValue()).length;

test('minutes over the maximum get the field message with the text kept; over the body limit, nothing is sent and nothing lost', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);
  await s.visit('/meetings/new');
  await page.getByLabel('開催日').fill('2026-11-01');
  await page.getByLabel('場所').fill('市役所 会議室');

  // 30,000 characters (the case): the field's own message, the text still in the textarea
  await pasteMinutes(page, longText(30_000));
  const refused = await s.navigate(() => page.getByRole('button', { name: '登録する' }).click());
  expect(refused.status()).toBe(400);
  expect(await page.locator('#minutes-error').textContent()).toBe('議事録は20,000文字以内で入力してください');
  expect(await minutesLength(page)).toBe(30_000);

  // 300,000 characters is over the body limit: the page says so and stays, with everything typed
  await pasteMinutes(page, longText(300_000));
  let said = '';
  page.once('dialog', (d) => { said = d.message(); void d.accept(); });
  await page.getByRole('button', { name: '登録する' }).click();
  expect(said).toContain('入力した内容はこの画面に残っています');
  expect(new URL(page.url()).pathname).toBe('/meetings');
  expect(await focusedId(page)).toBe('minutes');
  expect(await minutesLength(page)).toBe(300_000);
  expect(await page.getByLabel('場所').inputValue()).toBe('市役所 会議室');

  await pasteMinutes(page, longText(19_000));
  const saved = await s.navigate(() => page.getByRole('button', { name: '登録する' }).click());
  expect(new URL(saved.url()).pathname).toMatch(/^\/meetings\/\d+$/);
});

test('sent without the script, a body over the limit gets the 413 page, and Back restores the text as it says', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);
  await s.visit('/meetings/new');
  await page.getByLabel('開催日').fill('2026-11-02');
  await pasteMinutes(page, longText(300_000));
  // form.submit() sends without a submit event, as a browser without script would
  const tooLarge = await s.navigate(() => page.locator('form.narrow-form').evaluate((f) => (f as unknown as { submit(): void }).submit()));
  expect(tooLarge.status()).toBe(413);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('入力された内容が多すぎるため、保存できませんでした');
  expect(await page.locator('main').textContent()).toContain('ブラウザの「戻る」ボタン');

  const back = await s.navigate(() => page.goBack());
  expect(back.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe('/meetings/new');
  expect(await minutesLength(page)).toBe(300_000);

  await pasteMinutes(page, longText(500));
  const saved = await s.navigate(() => page.getByRole('button', { name: '登録する' }).click());
  expect(new URL(saved.url()).pathname).toMatch(/^\/meetings\/\d+$/);
});
