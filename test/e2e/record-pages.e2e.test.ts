/**
 * Record pages as staff use them at 1366×768 (issue 14, items 9 and 10): the petition page has the
 * shape of the work (summary and next action first, sections to jump to, forms when asked), and
 * every record page prints as its record only, with its name, number and print date on each page.
 */
import { expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { e2eTarget, OFFICE_VIEWPORT, Session, useBrowserSessions } from './browser';
import { logIn } from './login';
import { expectPrintsAsRecord } from './print';
import { E2E_USERS, FULL_RECORD, PETITION_NAMES } from './seed-data';

const browser = useBrowserSessions();
const { seed } = e2eTarget();
const f = seed.full;

/** The page height of the full petition before this layout, at 1366 px (measured on main, 令和8年12月). */
const HEIGHT_BEFORE = 7286;

const bottomOf = async (page: Page, selector: string) => {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  return box.y + box.height;
};

/** Tab (keyboard only) until the focused element's text starts with `text`. */
async function tabToText(page: Page, text: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent?.trim() ?? '');
    if (focused.startsWith(text)) return;
  }
  throw new Error(`「${text}」 was not reached with ${max} presses of Tab`);
}

async function expectSummaryAndNextActionFirst(s: Session, path: string, texts: string[], nextHeading: string): Promise<void> {
  const { page } = s;
  await s.visit(path);
  expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(0);
  const summary = (await page.locator('.record-summary').textContent()) ?? '';
  for (const t of texts) expect(summary).toContain(t);
  expect(await bottomOf(page, '.record-summary')).toBeLessThanOrEqual(OFFICE_VIEWPORT.height);
  expect((await page.locator('.next-action h2').textContent())?.trim()).toBe(nextHeading);
  // the whole next action, its button included, without scrolling
  expect(await bottomOf(page, '.next-action')).toBeLessThanOrEqual(OFFICE_VIEWPORT.height);
}

test('the petition page: the summary and the next action fit the first screen; sections to jump to; other forms only when asked', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);
  await expectSummaryAndNextActionFirst(s, `/petitions/${f.petitionId}`,
    [FULL_RECORD.name, '西区', '8 家裁申立て', 'この段階の日数', '家庭裁判所に申し立てる'], '次の作業：段階8「家裁申立て」を記録する');
  const height = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight);
  expect(height).toBeLessThan(HEIGHT_BEFORE * 0.55);

  // in-page navigation to every section
  const nav = page.getByRole('navigation', { name: 'このページの内容' });
  const targets = await nav.getByRole('link').evaluateAll((links) => links.map((a) => (a as unknown as { hash: string }).hash));
  expect(targets).toEqual(['#stages', '#record', '#person', '#relatives', '#documents', '#history']);
  for (const hash of targets) expect(await page.locator(hash).count()).toBe(1);

  // forms that are not the next action stay folded until asked, by keyboard
  for (const field of ['#close_kind', '#rel_name', 'input[name^="doc_"]']) expect(await page.locator(field).first().isVisible()).toBe(false);
  await tabToText(page, '取下げ・却下で終結する');
  await page.keyboard.press('Enter');
  expect(await page.locator('#close_kind').isVisible()).toBe(true);

  // the history is one jump away: the nav link opens it
  await tabToText(page, '変更履歴（25件）');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (globalThis as unknown as { location: { hash: string } }).location.hash === '#history');
  // the page's script opens the section on hashchange, a moment after the hash moves
  await page.locator('table.petition-history').waitFor({ state: 'visible', timeout: 5000 });
  expect(await page.locator('table.petition-history').isVisible()).toBe(true);
  await s.check();
});

test('a ward user sees their petition the same way: summary and next action on the first screen', async () => {
  const s = await browser.open();
  await logIn(s, E2E_USERS.east);
  await expectSummaryAndNextActionFirst(s, `/petitions/${seed.eastPetitionId}`, [PETITION_NAMES.east, '東区', '2 本人調査'], '次の作業：段階2「本人調査」を記録する');
});

const RECORDS = [
  { path: `/petitions/${f.petitionId}`, header: `市長申立て：${FULL_RECORD.name}（番号 ${f.petitionId}）`, pages: 3 },
  { path: `/persons/${f.personId}`, header: `本人：${FULL_RECORD.name}（ID ${f.personId}）`, pages: 1 },
  { path: `/consultations/${f.consultationId}`, header: `相談記録：${FULL_RECORD.name}（記録番号 ${f.consultationId}）`, pages: 1 },
  { path: `/subsidies/${f.subsidyId}`, header: `報酬助成：${FULL_RECORD.name}（番号 ${f.subsidyId}）`, pages: 1 },
  { path: `/meetings/${f.meetingId}`, header: `（会議番号 ${f.meetingId}）`, pages: 1 },
  { path: `/meetings/${f.meetingId}/cases/${f.caseId}`, header: `受任調整会議 検討案件：${FULL_RECORD.name}（番号 ${f.caseId}）`, pages: 1 },
  { path: `/guardians/${f.guardianId}`, header: `（名簿番号 ${f.guardianId}）`, pages: 1 },
];

test.each(RECORDS)('$path prints as its record only: no form, button or menu, headings with what follows, its name, number and date on each page', async ({ path, header, pages }) => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);
  await s.visit(path);
  await expectPrintsAsRecord(page, header, pages);
});
