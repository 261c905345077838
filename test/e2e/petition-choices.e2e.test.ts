/**
 * Choosing the person fills the related-petition list at once (issue 14, item 8): staff took an
 * empty list for "this person has no petition". With script (under the app's own nonce CSP) the
 * list fills on the choice; without script, 「選んだ本人で続ける」 brings the form back with it filled.
 */
import { expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { e2eTarget, Session, useBrowserSessions } from './browser';
import { logIn } from './login';
import { E2E_USERS, FULL_RECORD } from './seed-data';

const browser = useBrowserSessions();
const { seed } = e2eTarget();

async function searchAndChoose(s: Session): Promise<void> {
  const { page } = s;
  await page.getByLabel('氏名カナで検索').fill('アソ');
  await s.navigate(() => page.getByRole('button', { name: '本人を検索' }).click());
  await page.getByRole('radio', { name: new RegExp(FULL_RECORD.name) }).check();
}

const offered = (page: Page) => page.locator('#petition_id option').evaluateAll((os) =>
  os.map((o) => (o as unknown as { value: string }).value).filter((v) => v !== ''));

async function expectFilledInPlace(s: Session, path: string): Promise<void> {
  const { page } = s;
  await s.visit(path);
  expect(await offered(page)).toEqual([]);
  await searchAndChoose(s);
  const url = page.url();
  await page.locator(`#petition_id option[value="${seed.full.petitionId}"]`).waitFor({ state: 'attached', timeout: 10_000 });
  expect(page.url()).toBe(url); // no round trip
  expect(await offered(page)).toEqual([String(seed.full.petitionId)]);
  expect(await page.locator('[data-petition-status]').textContent()).toContain('選んだ本人の市長申立て：1件');
  await page.locator('#petition_id').selectOption(String(seed.full.petitionId));
  await s.check();
}

test('with script, under the app\'s CSP: choosing the person fills the petition list on the subsidy and meeting-case forms', async () => {
  const s = await browser.open({ strictCsp: true });
  await logIn(s, E2E_USERS.staff);
  await expectFilledInPlace(s, '/subsidies/new');
  await expectFilledInPlace(s, `/meetings/${seed.full.meetingId}/cases/new`);
});

test('without script: 「選んだ本人で続ける」 brings the form back with the person chosen and the list filled, no error shown', async () => {
  const s = await browser.open({ javaScript: false });
  const { page } = s;
  await logIn(s, E2E_USERS.staff);
  for (const path of ['/subsidies/new', `/meetings/${seed.full.meetingId}/cases/new`]) {
    await s.visit(path);
    await searchAndChoose(s);
    const back = await s.navigate(() => page.getByRole('button', { name: '選んだ本人で続ける' }).click());
    expect(back.status()).toBe(200);
    expect(await page.locator('.error-summary').count()).toBe(0);
    expect(await page.getByRole('radio', { name: new RegExp(FULL_RECORD.name) }).isChecked()).toBe(true);
    expect(await offered(page)).toEqual([String(seed.full.petitionId)]);
    expect(await page.locator('[data-petition-status]').textContent()).toContain('選んだ本人の市長申立て：1件');
  }
});
