/**
 * A day of center staff at the office PC (1366×768), axe on every page (issue 14): a new person
 * is registered, then, each through its own form, a consultation, a mayoral petition, a fee
 * subsidy application, a case at a matching meeting and a trainee for the citizen-guardian course;
 * the person's page then shows their whole file in its timeline.
 */
import { expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Session, useBrowserSessions } from './browser';
import { expectAt, logIn } from './login';
import { DAY_RECORDS, E2E_USERS } from './seed-data';

const browser = useBrowserSessions();

/** Used by this journey only (no other journey searches for ミフネ). */
const PERSON = { name: '御船 さくら', kana: 'ミフネ サクラ' };
const TRAINEE = { name: '益城 一郎', kana: 'マシキ イチロウ' };

/** Presses the button (or follows the link) and checks the page it leads to. */
const press = (s: Session, role: 'button' | 'link', name: string | RegExp) =>
  s.navigate(() => s.page.getByRole(role, { name, exact: typeof name === 'string' }).click());

/** Submits and expects the record page the app redirects to; returns its path. */
async function saveRecord(s: Session, button: string, path: RegExp): Promise<string> {
  const saved = await press(s, 'button', button);
  await expectAt(s.page, path);
  expect(saved.status()).toBe(200);
  return new URL(saved.url()).pathname;
}

const mainText = async (page: Page) => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');

test('staff register a person, then a consultation, a petition, a subsidy, a meeting case and a trainee; the person page shows them all', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);

  // the person, from the menu
  await press(s, 'link', '本人情報');
  await press(s, 'link', /本人を登録/);
  await page.getByLabel(/^氏名 /).fill(PERSON.name);
  await page.getByLabel(/^氏名カナ/).fill(PERSON.kana);
  await page.getByLabel(/^生年月日/).fill('S16.3.3');
  await page.getByLabel('性別').selectOption({ label: '女性' });
  await page.getByLabel('区', { exact: true }).selectOption({ label: '中央区' });
  await page.getByLabel('電話番号').fill('０９６−３２８−２１１１'); // full-width, as typed on a Japanese keyboard
  await page.getByLabel('疾病・障害').selectOption({ label: '認知症' });
  const personPath = await saveRecord(s, '登録する', /^\/persons\/\d+$/);
  expect(await page.locator('.record-summary').textContent()).toMatch(/御船 さくら.*昭和16年3月3日.*中央区.*096-328-2111/s);

  // a consultation for them, from their page
  await press(s, 'link', '相談を記録');
  expect(await page.getByRole('radio', { name: new RegExp(PERSON.name) }).isChecked()).toBe(true);
  await page.getByLabel(/^相談日/).fill('R8.12.1');
  await page.getByLabel('相談方法').selectOption({ label: '来所' });
  await page.getByLabel('相談者').selectOption({ label: '本人' });
  await page.getByLabel(/^相談種別/).selectOption({ label: '申立支援' });
  await page.getByLabel('内容', { exact: true }).fill('身寄りがなく、通帳の管理を頼める人がいない。');
  const consultationPath = await saveRecord(s, '登録する', /^\/consultations\/\d+$/);
  const consultation = await mainText(page);
  for (const v of ['令和8年12月1日', '来所', '申立支援', PERSON.name, '身寄りがなく、通帳の管理を頼める人がいない。']) expect([v, consultation.includes(v)]).toEqual([v, true]);

  // a mayoral petition, from the person's page
  await s.visit(personPath);
  await press(s, 'link', '市長申立てを登録');
  expect(await page.locator('#ward_id option:checked').textContent()).toBe('中央区'); // the person's ward
  await page.getByLabel('根拠法').selectOption({ label: '老人福祉法第32条' });
  await page.getByLabel('市長申立ての理由').selectOption('親族なし');
  await page.getByLabel('紹介元').fill('ささえりあ水前寺');
  await page.getByLabel('申し立てる類型').selectOption({ label: '後見' });
  const petitionPath = await saveRecord(s, '登録する', /^\/petitions\/\d+$/);
  const petitionId = petitionPath.split('/').pop()!;
  expect(await page.locator('.record-summary').textContent()).toMatch(/御船 さくら.*中央区.*1 相談受付/s);

  // a fee subsidy application, from the person's page: the petition is offered at once
  await s.visit(personPath);
  await press(s, 'link', '報酬助成を受付');
  await page.getByLabel(/^受付日/).fill('R8.12.2');
  await page.getByLabel(/^申立種別/).selectOption('市長');
  await page.getByLabel('関連する市長申立て').selectOption(petitionId);
  await page.getByLabel(/^助成の要件/).selectOption('生活保護');
  await page.getByLabel(/^財源区分/).selectOption('高齢');
  await page.getByLabel(/^後見人等の氏名/).fill('熊本 社会福祉士事務所');
  await page.getByLabel(/^後見人等の種別/).selectOption({ label: '社会福祉士' });
  await page.getByLabel(/^報酬付与審判日/).fill('R8.11.16');
  await page.getByLabel('事件番号').fill('令和8年(家)第555号');
  await page.getByLabel(/^対象期間の開始日/).fill('R7.11.1');
  await page.getByLabel(/^対象期間の終了日/).fill('R8.10.31');
  await page.getByLabel(/^報酬付与額/).fill('２４０，０００');
  await page.getByLabel('在宅月数').fill('12');
  await saveRecord(s, '受け付ける', /^\/subsidies\/\d+$/);
  const subsidy = await mainText(page);
  for (const v of [PERSON.name, '令和8年12月2日', '令和8年(家)第555号', '報酬付与額 240,000円', '熊本 社会福祉士事務所']) expect([v, subsidy.includes(v)]).toEqual([v, true]);
  await press(s, 'button', '審査に進める');
  expect(await page.locator('.status-line').textContent()).toContain('審査');

  // a matching meeting and this person's case in it
  await s.visit('/meetings');
  await press(s, 'link', '会議を登録する');
  await page.getByLabel(/^開催日/).fill('R8.12.4');
  await page.getByLabel('場所').fill('熊本市役所 会議室');
  await page.locator('#att_org_0').selectOption({ label: '社会福祉士会' });
  await page.getByLabel('議事録').fill('御船さくらさんの候補者の種別について協議した。');
  await saveRecord(s, '登録する', /^\/meetings\/\d+$/);
  await press(s, 'link', '検討案件を登録');
  await page.getByLabel('氏名カナで検索').fill('みふね');
  await press(s, 'button', '本人を検索');
  await page.getByRole('radio', { name: new RegExp(PERSON.name) }).check();
  await page.locator(`#petition_id option[value="${petitionId}"]`).waitFor({ state: 'attached' });
  await page.getByLabel('市長申立て', { exact: true }).selectOption(petitionId);
  await page.getByLabel('課題の概要').fill('預貯金の管理と施設入所の契約');
  await page.getByLabel(/^推薦する後見人等の種別/).selectOption({ label: '社会福祉士' });
  await saveRecord(s, '登録する', /^\/meetings\/\d+\/cases\/\d+$/);
  const meetingCase = await mainText(page);
  for (const v of ['検討案件を登録しました', PERSON.name, '預貯金の管理と施設入所の契約', '社会福祉士']) expect([v, meetingCase.includes(v)]).toEqual([v, true]);

  // a trainee for this year's citizen-guardian course
  await s.visit('/guardians');
  await press(s, 'link', /名簿に登録/);
  await page.getByLabel(/^氏名 /).fill(TRAINEE.name);
  await page.getByLabel(/^氏名カナ/).fill(TRAINEE.kana);
  await page.getByLabel(/^生年月日/).fill('昭和33年7月7日');
  await page.getByLabel('受講する養成講座').selectOption({ label: DAY_RECORDS.course });
  await saveRecord(s, '登録する', /^\/guardians\/\d+$/);
  expect(await page.locator('.record-summary').textContent()).toMatch(/益城 一郎.*受講中/s);
  await s.visit('/guardians');
  expect(await page.locator('main table').first().textContent()).toContain(TRAINEE.name);

  // the person's file: every record of the day, each at its business date, each a link
  await s.visit(personPath);
  const rows = (await page.locator('#timeline tbody tr').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  expect(rows).toHaveLength(4);
  expect(rows[0]).toMatch(/^令和\d+年\d+月\d+日 市長申立て 中央区：現在 相談受付$/); // opened today: at its 相談受付 since today
  expect(rows.slice(1)).toEqual([
    '令和8年12月4日 受任調整会議 推薦：社会福祉士',
    expect.stringMatching(/^令和8年12月2日 報酬助成 対象期間 .*審査/),
    '令和8年12月1日 相談記録 申立支援（来所）',
  ]);
  await s.navigate(() => page.locator('#timeline').getByRole('link', { name: '申立支援（来所）' }).click());
  await expectAt(page, consultationPath);
});
