import { expect, test } from '@jest/globals';
import { useBrowserSessions } from './browser';
import { logIn } from './login';
import { E2E_USERS } from './seed-data';

const browser = useBrowserSessions();

/** A ledger with one good row and two bad ones (rows 3 and 4 as Excel numbers them). */
const BAD_CSV = [
  '相談日,相談種別,相談方法,相談者,区,内容,対応',
  '2023/4/3,制度説明,電話,親族,東区,成年後見制度の概要について,パンフレットを送付',
  '2023/2/30,制度説明,電話,親族,東区,存在しない日付,',
  'R5.4.10,存在しない種別,来所,本人,どこか区,,',
].join('\r\n');

test('the import page rejects a bad file and shows every row error', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);
  await s.visit('/consultations/import');

  await page.getByLabel('CSVファイル').setInputFiles({ name: '相談台帳.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV, 'utf8') });
  const res = await s.navigate(() => page.getByRole('button', { name: '内容を確認する' }).click());
  expect(res.status()).toBe(400);
  const errors = page.locator('#row-errors');
  expect(await errors.locator('caption').textContent()).toContain('誤りのある行（2行）');
  expect((await errors.locator('tbody th').allTextContents()).map((t) => t.trim())).toEqual(['行3', '行4']);
  const reasons = await errors.locator('tbody tr').allTextContents();
  expect(reasons[0]).toContain('相談日');
  expect(reasons[1]).toContain('相談種別');
  expect(reasons[1]).toContain('区');
  // Nothing to confirm: no 「すべて取り込む」, the upload form is offered again.
  expect(await page.getByRole('button', { name: /すべて取り込む/ }).count()).toBe(0);
  expect(await page.getByLabel('CSVファイル').count()).toBe(1);

  // A file that is not a ledger at all is refused as a whole.
  await page.getByLabel('CSVファイル').setInputFiles({ name: 'memo.csv', mimeType: 'text/csv', buffer: Buffer.from('メモ,日付\r\nあ,い\r\n', 'utf8') });
  const whole = await s.navigate(() => page.getByRole('button', { name: '内容を確認する' }).click());
  expect(whole.status()).toBe(400);
  expect(await page.locator('#file-errors').textContent()).toContain('何も取り込んでいません');
});

/** A small ledger only this journey uses (its 内容 is unique to it). */
const REPEAT_CSV = [
  '相談日,相談種別,相談方法,相談者,区,内容,対応',
  '2024/6/3,制度説明,電話,親族,東区,重複確認の取り込み 1,',
  '2024/6/4,問い合わせ,来所,本人,西区,重複確認の取り込み 2,',
].join('\r\n');

test('the same ledger twice: the preview warns, 「すべて取り込む」 needs the tick, then imports', async () => {
  const s = await browser.open();
  const { page } = s;
  await logIn(s, E2E_USERS.staff);
  const upload = async () => {
    await s.visit('/consultations/import');
    await page.getByLabel('CSVファイル').setInputFiles({ name: '相談台帳.csv', mimeType: 'text/csv', buffer: Buffer.from(REPEAT_CSV, 'utf8') });
    return s.navigate(() => page.getByRole('button', { name: '内容を確認する' }).click());
  };
  expect((await upload()).status()).toBe(200);
  expect(await page.getByLabel('重複の可能性を確認したうえで取り込む').count()).toBe(0);
  await s.navigate(() => page.getByRole('button', { name: /すべて取り込む/ }).click());

  expect((await upload()).status()).toBe(200);
  expect(await page.locator('.notice-important').textContent()).toContain('と同じ内容です');
  const refused = await s.navigate(() => page.getByRole('button', { name: /すべて取り込む/ }).click());
  expect(refused.status()).toBe(400);
  expect(await page.locator('#confirm_duplicate-error').textContent()).toContain('チェックを入れてください');
  await page.getByLabel('重複の可能性を確認したうえで取り込む').check();
  const done = await s.navigate(() => page.getByRole('button', { name: /すべて取り込む/ }).click());
  expect(new URL(done.url()).pathname).toBe('/consultations');
  expect(await page.getByText('2件を取り込みました').count()).toBe(1);
});
