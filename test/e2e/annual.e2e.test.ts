import fs from 'node:fs';
import { expect, test } from '@jest/globals';
import { pdfPages } from '../lib/table/fixtures';
import { useBrowserSessions } from './browser';
import { logIn } from './login';
import { E2E_USERS } from './seed-data';

const browser = useBrowserSessions();

test('staff see their reminders at home, open the annual report from the reports index and download it', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);
  expect(await page.getByRole('heading', { name: 'リマインダー' }).count()).toBe(1);

  await s.visit('/reports?fy=2024');
  await s.navigate(() => page.getByRole('link', { name: '年報（令和6年度）' }).click());
  expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('成年後見支援センター 年報 令和6年度（2024年度）');
  expect(await page.locator('main ol li a').count()).toBeGreaterThanOrEqual(8);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDFをダウンロード（1冊）' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pages = pdfPages(fs.readFileSync(await download.path()));
  expect(pages[0]).toContain('令和6年度（2024年度）');
  expect(pages[1]).toContain('目次');
});
