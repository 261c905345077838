import fs from 'node:fs';
import { expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { pdfPages } from '../lib/table/fixtures';
import { useBrowserSessions } from './browser';
import { arrowToOption, choose, tabTo, waitForFocus } from './keyboard';
import { logIn } from './login';
import { E2E_USERS } from './seed-data';

const browser = useBrowserSessions();

/** Fiscal year 2025 (令和7年度) holds no other record: the journey's one consultation is all it counts. */
const FY = 2025;
const TITLE = '令和7年度 成年後見制度に関する相談件数';

const focusedText = (page: Page) => page.evaluate(() =>
  (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent?.trim());

/** The cells of one body row of the monthly table, by its row header (4月 … 3月, 計). */
async function rowCells(page: Page, label: string): Promise<string[]> {
  const row = page.locator('#table-consultations-monthly tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) });
  return (await row.locator('td').allTextContents()).map((t) => t.trim());
}

test('staff record a consultation with the keyboard only, see it counted in the monthly table and in its PDF', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);

  await s.visit('/consultations/new');
  await waitForFocus(page, 'consulted_on'); // autofocus: the first field of the paper form
  await page.keyboard.press('Control+A');
  await page.keyboard.type('R7.5.12'); // 和暦 input: 令和7年5月12日
  await tabTo(page, 'duration_minutes');
  await page.keyboard.type('45');
  await choose(page, 'method_id', '電話');
  await choose(page, 'consultee_id', '親族');
  // 相談種別 (required) is forgotten at first.
  await choose(page, 'ward_id', '東区');
  await tabTo(page, 'content');
  await page.keyboard.type('キーボードだけで入力した相談');
  await tabTo(page, 'staff_id');
  expect((await page.locator('#staff_id option:checked').textContent())?.trim()).toBe(`テスト ${E2E_USERS.staff}`);
  await page.keyboard.press('Tab');
  expect(await focusedText(page)).toBe('登録する');
  const refused = await s.navigate(() => page.keyboard.press('Enter'));
  expect(refused.status()).toBe(400);
  expect(await page.locator('.error-summary a[href="#category_id"]').count()).toBe(1);
  expect(await page.locator('#category_id').getAttribute('aria-invalid')).toBe('true');
  expect(await page.locator('#content').inputValue()).toBe('キーボードだけで入力した相談'); // what was typed is kept

  await waitForFocus(page, 'consulted_on');
  await tabTo(page, 'category_id');
  await arrowToOption(page, 'category_id', '制度説明');
  await tabTo(page, 'staff_id');
  await page.keyboard.press('Tab');
  expect(await focusedText(page)).toBe('登録する');
  const saved = await s.navigate(() => page.keyboard.press('Enter'));
  expect(saved.url()).toMatch(/\/consultations\/\d+$/);
  expect(await page.getByRole('status').first().textContent()).toMatch(/相談記録を登録しました（記録番号 \d+）/);
  const shown = await page.locator('main').textContent();
  for (const value of ['令和7年5月12日', '電話', '親族', '制度説明', '東区', '45', 'キーボードだけで入力した相談']) expect(shown).toContain(value);

  await s.visit(`/reports/consultations-monthly?fy=${FY}`);
  expect(await page.locator('#table-consultations-monthly caption').textContent()).toContain(TITLE);
  const may = await rowCells(page, '5月');
  const total = await rowCells(page, '計');
  // One consultation: 1 under 制度説明 and 1 in the row's total, 0 elsewhere; the 計 row the same.
  expect(may.filter((c) => c === '1')).toHaveLength(2);
  expect(may.filter((c) => c !== '1' && c !== '0')).toEqual([]);
  expect(total).toEqual(may);
  expect(await rowCells(page, '6月')).toEqual(may.map(() => '0'));

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDFをダウンロード' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = fs.readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfPages(pdf).join('\n');
  expect(text).toContain(TITLE);
  const lines = text.split('\n').map((l) => l.trim().split(/\s+/));
  expect(lines.find((l) => l[0] === '5月')).toEqual(['5月', ...may]);
  expect(lines.find((l) => l[0] === '計')).toEqual(['計', ...total]);
});
