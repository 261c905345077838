/**
 * A manager's day at 1366×768, axe on every page (issue 14): the dashboard's figures, a fee
 * subsidy decided through its form, the monthly consultation table on screen and as CSV, Excel
 * and PDF (each the same figures), and the year's annual report.
 */
import { expect, test } from '@jest/globals';
import * as ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { pdfPages } from '../lib/table/fixtures';
import { useBrowserSessions } from './browser';
import { downloadLink, openedFile } from './downloads';
import { expectAt, logInWithCode } from './login';
import { DAY_RECORDS, E2E_USERS, PETITION_NAMES } from './seed-data';

const browser = useBrowserSessions();
const { subsidyPerson } = DAY_RECORDS;
const TITLE = '令和4年度 成年後見制度に関する相談件数';

/** The cells of the monthly table's row for `label` (6月, 計 …) on screen. */
async function screenRow(page: Page, label: string): Promise<string[]> {
  const row = page.locator('#table-consultations-monthly tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) });
  return (await row.locator('td').allTextContents()).map((t) => t.trim());
}

/** A card of the home page's menu. */
const menuCard = (page: Page, name: string) => page.locator('.menu-cards').getByRole('link', { name, exact: true });

/** A text's line for a row label, split into cells (CSV by comma, PDF text by space). */
const lineOf = (text: string, label: string, sep: RegExp) =>
  text.split(/\r?\n/).map((l) => l.trim().split(sep)).find((cells) => cells[0] === label)?.slice(1);

test('a manager reads the dashboard, decides a subsidy, takes the monthly table in every format and opens the annual report', async () => {
  const s = await browser.open();
  const { page } = s;
  await logInWithCode(s, E2E_USERS.dayManager);

  // home is the dashboard: this month and the year so far against last year, stalled petitions
  const figures = page.locator('#table-dashboard');
  expect(await figures.locator('caption').textContent()).toBeTruthy();
  const cells = (await figures.locator('tbody td').allTextContents()).map((t) => t.trim());
  expect(cells.length).toBeGreaterThan(4);
  expect(cells.filter((c) => /\d/.test(c)).length).toBe(cells.length);
  expect(await page.locator('#dashboard-stalled').textContent()).toMatch(/^停滞している市長申立て（[1-9]\d*件/);
  expect(await page.locator('section[aria-labelledby="dashboard-stalled"] table').textContent()).toContain(PETITION_NAMES.north);

  // a subsidy waiting for the decision: found in the list, approved through its form
  await s.navigate(() => menuCard(page, '報酬助成').click());
  await page.getByLabel('状況').selectOption({ label: '審査' });
  await s.navigate(() => page.getByRole('button', { name: '絞り込む' }).click());
  const waiting = page.locator('table.subsidy-list tbody tr').filter({ hasText: subsidyPerson.name });
  await s.navigate(() => waiting.getByRole('link').click());
  await expectAt(page, /^\/subsidies\/\d+$/);
  expect(await page.locator('.status-line').textContent()).toContain('審査');
  expect(await page.getByRole('radio', { name: /^承認/ }).isChecked()).toBe(true);
  await page.getByLabel(/^決定日/).fill('R8.12.7');
  await page.getByLabel(/^決定番号/).fill('熊健福第77号');
  const decided = await s.navigate(() => page.getByRole('button', { name: '決定を記録する' }).click());
  expect(decided.status()).toBe(200);
  expect(await page.locator('.status-line').textContent()).toContain('決定（承認）');
  expect((await page.locator('main').textContent())!.replace(/\s+/g, ' ')).toMatch(/令和8年12月7日.*熊健福第77号/);
  const notice = await openedFile(page, (await page.getByRole('link', { name: /助成決定通知書/ }).textContent())!.trim());
  expect([notice.filename, notice.contentType]).toEqual([expect.stringMatching(/^報酬助成決定通知書_\d+\.pdf$/), 'application/pdf']);
  const noticeText = pdfPages(notice.body).join('\n');
  for (const v of [subsidyPerson.name, '令和8年12月7日', '熊健福第77号', '300,000']) expect([v, noticeText.includes(v)]).toEqual([v, true]);

  // the monthly table of 令和4年度: chosen on the screen, then as CSV, Excel and PDF
  await s.navigate(() => page.getByRole('navigation', { name: 'パンくずリスト' }).getByRole('link', { name: 'ホーム' }).click());
  await s.navigate(() => menuCard(page, '集計表').click());
  await page.getByLabel(/^年度/).selectOption({ label: '令和4年度（2022年度）' });
  await s.navigate(() => page.getByRole('button', { name: '年度を切り替える' }).click());
  const reportsPath = `${new URL(page.url()).pathname}${new URL(page.url()).search}`;
  await s.navigate(() => page.getByRole('link', { name: '成年後見制度に関する相談件数（月別）' }).click());
  expect(await page.locator('#table-consultations-monthly caption').textContent()).toContain(TITLE);
  const june = await screenRow(page, '6月');
  const total = await screenRow(page, '計');
  const header = (await page.locator('#table-consultations-monthly thead th').allTextContents()).map((t) => t.trim());
  expect(june[header.indexOf('制度説明') - 1]).toBe('2'); // the two June consultations
  expect(june[june.length - 1]).toBe('2');
  expect(total[total.length - 1]).toBe('3');

  const csv = await downloadLink(page, 'CSVをダウンロード');
  expect([csv.filename, csv.contentType]).toEqual([expect.stringMatching(/\.csv$/), 'text/csv; charset=utf-8']);
  expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
  const csvText = csv.body.toString('utf8');
  expect(lineOf(csvText, '6月', /,/)).toEqual(june);
  expect(lineOf(csvText, '計', /,/)).toEqual(total);

  const xlsx = await downloadLink(page, 'Excelをダウンロード');
  expect([xlsx.filename, xlsx.contentType]).toEqual([expect.stringMatching(/\.xlsx$/), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  expect(sheet.getCell('A1').value).toBe(TITLE);
  const xlsxRow = (label: string) => {
    let found: unknown[] | undefined;
    sheet.eachRow((row) => { if (row.getCell(1).value === label) found = (row.values as unknown[]).slice(2); });
    return found;
  };
  expect(xlsxRow('6月')).toEqual(june.map(Number)); // numbers as numbers
  expect(xlsxRow('計')).toEqual(total.map(Number));

  const pdf = await downloadLink(page, 'PDFをダウンロード');
  expect([pdf.filename, pdf.contentType]).toEqual([expect.stringMatching(/\.pdf$/), 'application/pdf']);
  const pdfText = pdfPages(pdf.body).join('\n');
  expect(pdfText).toContain(TITLE);
  expect(lineOf(pdfText, '6月', /\s+/)).toEqual(june);
  expect(lineOf(pdfText, '計', /\s+/)).toEqual(total);

  // the annual report of the same year: its contents, and the book with the same figures
  await s.visit(reportsPath);
  await s.navigate(() => page.getByRole('link', { name: '年報（令和4年度）' }).click());
  expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('成年後見支援センター 年報 令和4年度（2022年度）');
  expect(await page.locator('main ol li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('成年後見制度に関する相談件数')]));
  const book2 = await downloadLink(page, 'PDFをダウンロード（1冊）');
  expect(book2.contentType).toBe('application/pdf');
  const pages = pdfPages(book2.body);
  expect(pages[0]).toContain('令和4年度（2022年度）');
  // the monthly table's page (after the contents, which name it too)
  expect(pages.filter((p) => p.includes(TITLE)).map((p) => lineOf(p, '6月', /\s+/)).find(Boolean)).toEqual(june);
});
