import { expect, test } from '@jest/globals';
import { e2eTarget, useBrowserSessions } from './browser';
import { expectAt, logIn } from './login';
import { E2E_USERS, PETITION_NAMES } from './seed-data';

const browser = useBrowserSessions();
const { seed } = e2eTarget();

test('staff register a matching meeting and a case for a petition; every page passes axe', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);

  await s.visit('/meetings');
  await s.navigate(() => page.getByRole('link', { name: '会議を登録する' }).click());
  // the place forgotten is fine; an attendee row with a role but no organisation is not
  await page.getByLabel('役職').first().fill('副会長');
  const refused = await s.navigate(() => page.getByRole('button', { name: '登録する' }).click());
  expect(refused.status()).toBe(400);
  expect(await page.locator('#att_org_0').getAttribute('aria-invalid')).toBe('true');
  await page.locator('#att_org_0').selectOption({ label: '弁護士会' });
  await page.getByLabel('場所').fill('市役所 会議室');
  await page.getByLabel('議事録').fill('候補者について協議した。');
  const saved = await s.navigate(() => page.getByRole('button', { name: '登録する' }).click());
  expect(saved.url()).toMatch(/\/meetings\/\d+$/);
  await expectAt(page, new URL(saved.url()).pathname);

  await s.navigate(() => page.getByRole('link', { name: '検討案件を登録' }).click());
  await page.getByLabel('氏名カナで検索').fill('クマモト');
  await s.navigate(() => page.getByRole('button', { name: '本人を検索' }).click());
  const found = page.locator('.radio-option label').filter({ hasText: PETITION_NAMES.east });
  if (await found.count() === 0) throw new Error(`no candidate: ${await page.locator('main').textContent()}`);
  await found.locator('input').check();
  await page.getByLabel('推薦する後見人等の種別').selectOption({ label: '社会福祉士' });
  const withCase = await s.navigate(() => page.getByRole('button', { name: '登録する' }).last().click());
  expect(withCase.url()).toMatch(/\/meetings\/\d+\/cases\/\d+$/);
  expect(await page.locator('main').textContent()).toContain('検討案件を登録しました');

  // now the petition: it is at stage 1, so stage 6 waits and the page says so
  await s.navigate(() => page.getByRole('link', { name: '編集する' }).click());
  await page.getByLabel('市長申立て').selectOption({ value: String(seed.eastPetitionId) });
  await s.navigate(() => page.getByRole('button', { name: '保存する' }).last().click());
  expect(await page.locator('main').textContent()).toContain('段階6「受任調整」は記録できませんでした');
  await s.navigate(() => page.getByRole('link', { name: /の会議$/ }).click());
  expect(await page.locator('#cases table').textContent()).toContain(PETITION_NAMES.east);
  await s.visit('/reports/meetings-monthly');
  await s.visit('/reports/meetings-recommendations');
  expect(await page.locator('main').textContent()).toContain('追随率');
});
