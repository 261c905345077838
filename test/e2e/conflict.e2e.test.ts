import { expect, test } from '@jest/globals';
import { e2eTarget, useBrowserSessions } from './browser';
import { logIn } from './login';
import { E2E_USERS } from './seed-data';

const browser = useBrowserSessions();
const { seed } = e2eTarget();

test('a conflicting edit in two tabs: the first save wins, the second gets the conflict page with both versions', async () => {
  const s = await browser.open();
  await logIn(s, E2E_USERS.staff);
  const id = seed.conflictConsultationId;
  const tab1 = s.page;
  const tab2 = await s.context.newPage(); // same context: same session, like a second browser tab
  await s.visit(`/consultations/${id}/edit`, tab1);
  await s.visit(`/consultations/${id}/edit`, tab2);

  await tab1.getByLabel('内容').fill('タブ1で保存した内容');
  const first = await s.navigate(() => tab1.getByRole('button', { name: '保存する' }).click(), tab1);
  expect(first.status()).toBe(200);
  expect(new URL(first.url()).pathname).toBe(`/consultations/${id}`);
  expect(await tab1.getByRole('status').first().textContent()).toContain('相談記録を保存しました');

  await tab2.getByLabel('内容').fill('タブ2で入力した内容');
  const second = await s.navigate(() => tab2.getByRole('button', { name: '保存する' }).click(), tab2);
  expect(second.status()).toBe(409);
  expect(await tab2.getByRole('heading', { level: 1 }).textContent()).toBe('他の人が先に更新しました');
  const contentRow = tab2.locator('table.conflict-table tr').filter({ has: tab2.locator('th', { hasText: /^内容$/ }) });
  expect((await contentRow.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['タブ2で入力した内容', 'タブ1で保存した内容']);

  // Nothing was overwritten: the record holds the first tab's save.
  const latest = await s.navigate(() => tab2.getByRole('link', { name: '最新の記録を開く' }).click(), tab2);
  expect(latest.status()).toBe(200);
  expect(await tab2.getByLabel('内容').inputValue()).toBe('タブ1で保存した内容');
});
