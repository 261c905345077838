import { expect, test } from '@jest/globals';
import { useBrowserSessions } from './browser';
import { logIn, logInWithCode } from './login';
import { E2E_USERS, PETITION_NAMES } from './seed-data';

const browser = useBrowserSessions();

let subsidyUrl = '';

test('staff take in a fee subsidy: find the person, see the cap worked out, fix a refused guardian, send it to review', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);
  await s.visit('/subsidies/new');
  await page.fill('#person_kana', 'くまもと');
  await s.navigate(() => page.getByRole('button', { name: '本人を検索' }).click());
  await page.getByRole('radio', { name: new RegExp(PETITION_NAMES.east) }).check();
  await page.selectOption('#petition_type', '本人');
  await page.selectOption('#eligibility', '生活保護');
  await page.selectOption('#funding_line', '高齢');
  await page.fill('#guardian_name', '後見 一郎');
  await page.selectOption('#guardian_relation_id', { label: '子' });
  await page.fill('#court_decided_on', 'R7.10.1');
  await page.fill('#period_from', 'R6.10.1');
  await page.fill('#period_to', 'R7.9.30');
  await page.fill('#fee_awarded_yen', '150000');
  await page.fill('#home_months', '3');
  await page.fill('#facility_months', '2');

  const calculated = await s.navigate(() => page.getByRole('button', { name: '上限額を計算' }).click());
  expect(calculated.status()).toBe(400); // the relative guardian is refused even for a calculation
  expect(await page.locator('#guardian_relation_id-error').textContent()).toContain('親族（子）');
  expect(await page.locator('.error-summary a[href="#guardian_relation_id"]').count()).toBe(1);
  expect(await page.locator('#working').textContent()).toContain('在宅 3か月 × 28,000円 + 施設 2か月 × 18,000円 = 120,000円');

  await page.selectOption('#guardian_relation_id', { label: '社会福祉士' });
  const saved = await s.navigate(() => page.getByRole('button', { name: '受け付ける', exact: true }).click());
  expect(saved.url()).toMatch(/\/subsidies\/\d+$/);
  subsidyUrl = new URL(saved.url()).pathname;
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(PETITION_NAMES.east);
  expect(await page.locator('main').textContent()).toContain('報酬付与額 150,000円 → 上限 120,000円');

  await s.navigate(() => page.getByRole('button', { name: '審査に進める' }).click());
  expect(await page.locator('.status-line').textContent()).toContain('審査');
  await s.visit('/subsidies');
  expect(await page.locator('table.subsidy-list tbody').textContent()).toContain(PETITION_NAMES.east);
});

test('a manager approves it and reads the yearly table', async () => {
  const s = await browser.open();
  const { page } = s;
  await logInWithCode(s, E2E_USERS.subsidyManager);

  await s.visit(subsidyUrl);
  await page.fill('#decision_number', '熊健福第1号');
  await s.navigate(() => page.getByRole('button', { name: '決定を記録する' }).click());
  expect(await page.locator('.status-line').textContent()).toContain('決定（承認）');
  expect(await page.getByRole('link', { name: /助成決定通知書/ }).count()).toBe(1);

  await s.visit('/reports/subsidies-yearly');
  expect(await page.locator('#table-subsidies-yearly tbody').textContent()).toContain('高齢 助成額（千円）');
});
