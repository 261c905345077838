import { expect, test } from '@jest/globals';
import { e2eTarget, useBrowserSessions } from './browser';
import { logIn } from './login';
import { E2E_USERS, PETITION_NAMES } from './seed-data';

const browser = useBrowserSessions();
const { seed } = e2eTarget();

test("a ward user sees their ward's petitions on the home page and gets 404 on another ward's", async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.east);

  // Home is the ward's own petition list (imported from the ledger CSV: one in 東区, one in 北区).
  const list = page.locator('table.petition-list');
  await expect(list.locator('caption').textContent()).resolves.toContain('1件');
  const own = list.getByRole('link', { name: PETITION_NAMES.east });
  expect(await own.getAttribute('href')).toBe(`/petitions/${seed.eastPetitionId}`);
  expect(await list.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(['東区']);
  expect(await page.content()).not.toContain(PETITION_NAMES.north);

  const opened = await s.navigate(() => own.click());
  expect(opened.status()).toBe(200);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(PETITION_NAMES.east);

  const other = await s.visit(`/petitions/${seed.northPetitionId}`);
  expect(other.status()).toBe(404);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('ページが見つかりません');
  expect(await page.content()).not.toContain(PETITION_NAMES.north);

  // The ward's list itself holds no other ward's petition either.
  await s.visit('/petitions');
  expect(await page.locator('table.petition-list tbody').textContent()).toContain(PETITION_NAMES.east);
  expect(await page.content()).not.toContain(PETITION_NAMES.north);
});
