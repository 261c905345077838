import { expect, test } from '@jest/globals';
import { useBrowserSessions } from './browser';
import { expectAt, logIn } from './login';
import { E2E_USERS } from './seed-data';

const browser = useBrowserSessions();

test('staff run a course to completion, then see the bank registration refused with the conditions listed (axe on every page)', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);

  await s.visit('/guardians/courses/new');
  await page.fill('#fiscal_year', '2025');
  const days = ['R7.5.1', 'R7.6.1', 'R7.7.1', 'R7.8.1', 'R7.9.1', 'R7.10.1', 'R7.11.1', 'R7.12.1', 'R8.1.10', 'R8.2.1'];
  for (const [i, on] of days.entries()) {
    await page.fill(`#day_${i + 1}_on`, on);
    await page.fill(`#day_${i + 1}_topic`, `第${i + 1}回`);
  }
  await s.navigate(() => page.getByRole('button', { name: '登録する' }).click());
  const coursePath = new URL(page.url()).pathname;
  expect(coursePath).toMatch(/^\/guardians\/courses\/\d+$/);

  await s.visit('/guardians/new');
  await page.fill('#name', '画面 一子');
  await page.fill('#name_kana', 'ガメン イチコ');
  await page.fill('#birth_date', 'S35.4.1');
  await page.selectOption('#course_id', { label: '令和7年度 市民後見人養成講座' });
  await s.navigate(() => page.getByRole('button', { name: '登録する' }).click());
  const guardianPath = new URL(page.url()).pathname;
  expect(await page.locator('.record-summary dd strong').textContent()).toBe('受講中');

  await s.visit(coursePath);
  const selects = page.locator('select[name^="att_"]');
  expect(await selects.count()).toBe(10);
  for (let i = 0; i < 10; i++) await selects.nth(i).selectOption(i === 3 ? '補講' : '出席');
  await s.navigate(() => page.getByRole('button', { name: '出欠を保存する' }).click());
  await s.navigate(() => page.getByRole('link', { name: '修了を記録する' }).click());
  await page.fill('#completed_on', 'R8.3.1');
  await s.navigate(() => page.getByRole('button', { name: '修了を記録する' }).click());
  await expectAt(page, coursePath);

  await s.visit(guardianPath);
  expect(await page.locator('.record-summary dd strong').textContent()).toBe('修了');
  await page.fill('#bank_on', 'R8.3.2');
  await s.navigate(() => page.getByRole('button', { name: 'バンク登録を記録する' }).click());
  const listed = await page.locator('#bank_on-error li').allTextContents();
  expect(listed).toHaveLength(2);
  expect(listed[0]).toContain('地域生活支援員');
  expect(listed[1]).toContain('フォローアップ研修');

  await s.visit('/guardians/followups/new');
  await s.visit('/guardians');
  await s.visit('/reports/training-yearly?from=2021&to=2025');
});
