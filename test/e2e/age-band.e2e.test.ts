/**
 * Issue 14 item 15 in a browser: picking the person fills 年齢区分 from their birth date and the
 * consultation date (the form's script); a band staff choose stays. Nothing is saved here.
 */
import { expect, test } from '@jest/globals';
import { useBrowserSessions } from './browser';
import { logIn } from './login';
import { E2E_USERS, PETITION_NAMES } from './seed-data';

const browser = useBrowserSessions();

test('staff pick the person and see the age band filled; changing the date follows; their own choice stays', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);
  await s.visit('/consultations/new');
  await page.fill('#consulted_on', 'R7.5.1'); // 熊本 花子 (昭和15年5月1日生) turns 85 that day
  await page.fill('#person_kana', 'くまもと');
  await s.navigate(() => page.getByRole('button', { name: '本人を検索' }).click());
  const band = () => page.locator('#age_band_id option:checked').textContent();
  expect((await band())?.trim()).toBe('選択してください');

  await page.getByRole('radio', { name: new RegExp(PETITION_NAMES.east) }).check();
  expect((await band())?.trim()).toBe('85歳以上');
  expect(await page.locator('#age_band_id-derived').textContent()).toContain('相談日に85歳');

  await page.fill('#consulted_on', '令和7年4月30日'); // the day before the birthday
  await page.locator('#consulted_on').dispatchEvent('change');
  expect((await band())?.trim()).toBe('75〜84歳');

  await page.getByRole('radio', { name: /匿名/ }).check();
  expect((await band())?.trim()).toBe('選択してください');

  await page.selectOption('#age_band_id', { label: '不明' });
  await page.getByRole('radio', { name: new RegExp(PETITION_NAMES.east) }).check();
  expect((await band())?.trim()).toBe('不明'); // staff chose: kept
});
