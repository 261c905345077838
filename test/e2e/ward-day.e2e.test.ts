/**
 * A day at a ward office (南区) at 1366×768, axe on every page (issue 14): the ward's own petitions
 * only (東区's and 北区's are nowhere to be seen, nor opened by address), the next stage recorded
 * on the petition page, and the record printed.
 */
import { expect, test } from '@jest/globals';
import { e2eTarget, useBrowserSessions } from './browser';
import { expectAt, logIn } from './login';
import { expectPrintsAsRecord } from './print';
import { E2E_USERS, PETITION_NAMES } from './seed-data';

const browser = useBrowserSessions();
const { seed } = e2eTarget();
const OTHERS = [PETITION_NAMES.east, PETITION_NAMES.north];

const rowOf = (cells: string[]) => cells.map((c) => c.replace(/\s+/g, ' ').trim());

test('a ward user sees only their ward\'s petitions, records the next stage and prints the petition', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.south);

  // home: the ward's petitions in progress, the stalled one flagged; nobody else's
  const list = page.locator('table.petition-list');
  expect(await list.locator('caption').textContent()).toContain('1件');
  const own = list.locator('tbody tr').filter({ hasText: PETITION_NAMES.south });
  expect(rowOf(await own.locator('td').allTextContents()).slice(1, 3)).toEqual(['南区', '2 本人調査']);
  expect(await own.textContent()).toContain('停滞');
  for (const name of OTHERS) expect([name, (await page.content()).includes(name)]).toEqual([name, false]);

  // the full list, with closed ones too: still only 南区
  await s.navigate(() => page.getByRole('link', { name: '絞り込み・終結した申立てを含めて見る' }).click());
  expect(rowOf(await page.locator('table.petition-list tbody tr td:nth-child(2)').allTextContents())).toEqual(['南区']);
  for (const name of OTHERS) expect([name, (await page.content()).includes(name)]).toEqual([name, false]);
  // another ward's petition by its address: not found
  expect((await s.visit(`/petitions/${seed.eastPetitionId}`)).status()).toBe(404);
  expect(await page.content()).not.toContain(PETITION_NAMES.east);

  // the petition: its next action is in front; stage 2 recorded done, with a note
  await s.visit('/');
  await s.navigate(() => page.locator('table.petition-list').getByRole('link', { name: PETITION_NAMES.south }).click());
  await expectAt(page, /^\/petitions\/\d+$/);
  const path = new URL(page.url()).pathname;
  expect(await page.locator('.next-action h2').textContent()).toBe('次の作業：段階2「本人調査」を記録する');
  await page.getByLabel('完了', { exact: true }).check();
  await page.getByLabel(/^完了日/).fill('R8.11.20');
  await page.getByLabel(/^メモ/).fill('自宅を訪問。本人は自宅での生活を希望');
  const recorded = await s.navigate(() => page.getByRole('button', { name: '記録する', exact: true }).click());
  expect(recorded.status()).toBe(200);
  await expectAt(page, path);
  const stage2 = page.locator('#stages tbody tr').filter({ hasText: '2 本人調査' });
  expect(rowOf(await stage2.locator('td').allTextContents())).toEqual(['完了', '令和8年11月20日', `テスト ${E2E_USERS.south}`, '自宅を訪問。本人は自宅での生活を希望']);
  const summary = (await page.locator('.record-summary').textContent())!.replace(/\s+/g, ' ');
  expect(summary).toContain('3 親族調査');
  expect(summary).not.toContain('停滞');
  expect(await page.locator('.next-action h2').textContent()).toBe('次の作業：段階3「親族調査」を記録する');

  // printed: the record only, its name and number on each page
  await expectPrintsAsRecord(page, `市長申立て：${PETITION_NAMES.south}（番号 ${path.split('/').pop()}）`, 3);

  // back home: the petition has moved on and is no longer stalled
  await s.visit('/');
  const moved = page.locator('table.petition-list tbody tr').filter({ hasText: PETITION_NAMES.south });
  expect(rowOf(await moved.locator('td').allTextContents()).slice(1, 3)).toEqual(['南区', '3 親族調査']);
  expect(await moved.textContent()).not.toContain('停滞');
});
