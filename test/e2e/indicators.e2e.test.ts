/**
 * Indicators, past-year figures and the manager's home in a browser, axe-core on every page: staff
 * enter a year of court counts; a manager sees the dashboard's charts and enters a past year.
 */
import { expect, test } from '@jest/globals';
import { useBrowserSessions } from './browser';
import { expectAt, logIn, logInWithCode } from './login';
import { E2E_USERS } from './seed-data';

const browser = useBrowserSessions();

test('staff enter a year of court counts; the indicators page shows it in the table and on the chart', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);
  await s.visit('/indicators');
  expect(await page.locator('svg#chart-indicator-1[role="img"] > title').textContent()).toContain('成年後見制度利用者数');
  await s.navigate(() => page.getByRole('link', { name: '年の人数を登録する' }).click());
  await page.getByLabel('年（西暦）').fill('2023');
  for (const [label, n] of [['後見', '1130'], ['保佐', '260'], ['補助', '124'], ['任意後見', '30']]) {
    await page.getByLabel(new RegExp(`^${label} `)).fill(n);
  }
  await s.navigate(() => page.getByRole('button', { name: '登録する' }).click());
  await expectAt(page, '/indicators');
  expect(await page.locator('#table-indicators tbody tr', { hasText: '2023年（令和5年）' }).locator('td').first().textContent()).toBe('1,544');
  expect(await page.locator('svg#chart-indicator-1 [data-series="court_users_actual"]').getAttribute('data-value')).toBe('1544');
});

test('a manager\'s home compares with last year in charts; they enter a past year and the yearly report marks it', async () => {
  const s = await browser.open();
  const { page } = s;
  await logInWithCode(s, E2E_USERS.figuresManager);
  expect(await page.locator('#table-dashboard').count()).toBe(1);
  expect(await page.locator('svg.chart-bar[role="img"]').count()).toBeGreaterThan(1);

  await s.visit('/figures/consultations-yearly/new');
  await page.getByLabel('年度').selectOption('2021');
  await page.getByLabel('相談件数').fill('280');
  await s.navigate(() => page.getByRole('button', { name: '登録する' }).click());
  await expectAt(page, '/figures/consultations-yearly');
  await s.visit('/reports/consultations-yearly?from=2020&to=2024');
  expect(await page.locator('#table-consultations-yearly tbody tr').first().locator('td').nth(1).textContent()).toBe('※280');
});
