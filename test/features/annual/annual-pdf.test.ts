/** The annual report PDF: cover, contents with true page numbers, every table's title, charts, footers, audit. */
import { useTestApp } from '../../helpers/suite';
import { pdfPages } from '../../lib/table/fixtures';
import { annualPlan, buildAnnual } from '../../../src/features/annual/annual-build';
import { ANNUAL_SECTIONS } from '../../../src/features/annual/annual-sections';
import { ALL_WARDS } from '../../../src/contracts/report';
import { REPORTS } from '../../../src/features';
import { binary, insertAnnualData, literal } from './annual-data';

const t = useTestApp(); // 2026-11-27 (令和8年11月27日)
const staff = t.user('staff');
let pages: string[];
let titles: string[];

beforeAll(async () => {
  await insertAnnualData(t.db);
  const res = await staff.agent.get('/reports/annual.pdf?fy=2023').buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toContain(encodeURIComponent('年報_令和5年度.pdf'));
  pages = pdfPages(res.body as Buffer);
  const report = await buildAnnual(t.db, 2023, { now: t.clock.now(), scope: ALL_WARDS, plan: annualPlan(REPORTS, 2023) });
  titles = report.parts.map((p) => p.table.title);
});

test('the cover: title, fiscal year and the generation date in 和暦', () => {
  expect(pages[0]).toContain('成年後見支援センター 年報');
  expect(pages[0]).toContain('令和5年度（2023年度）');
  expect(pages[0]).toContain('作成日 令和8年11月27日');
});

test('every registered table of the year is included, the trend tables over the five years to FY2023', () => {
  // the consultation tables (monthly + 4 breakdowns) and the 3 petitions tables at least, and every registered section
  expect(titles.length).toBeGreaterThanOrEqual(8);
  expect(titles.length).toBe(ANNUAL_SECTIONS.filter((s) => REPORTS.some((r) => r.id === s.id)).length);
  expect(titles).toContain('令和5年度 成年後見制度に関する相談件数');
  expect(titles).toContain('令和5年度 成年後見制度に関する相談件数（区別）');
  expect(titles).toContain('令和元年度〜令和5年度 市長申立て件数（区別）');
});

test('the contents page lists every table with the page it starts on', () => {
  expect(pages[1]).toContain('目次');
  for (const title of titles) {
    const m = new RegExp(`${literal(title)}\\s+(\\d+)`).exec(pages[1]);
    expect([title, m !== null]).toEqual([title, true]);
    const page = Number(m![1]);
    expect(page).toBeGreaterThan(2);
    expect([title, pages[page - 1].includes(title)]).toEqual([title, true]);
  }
});

test('every table title is in the body, in the registry order', () => {
  const body = pages.slice(2).join('\n');
  let at = -1;
  for (const title of titles) {
    const found = body.indexOf(title, at + 1);
    expect([title, found > at]).toEqual([title, true]);
    at = found;
  }
});

test('the main tables have their bar charts', () => {
  const all = pages.join('\n');
  expect(all).toContain('月別の相談件数（合計）');
  expect(all).toContain('区別の相談件数（合計）');
  expect(all).toContain('年度別の市長申立て件数（計）');
});

test('every page has its number (N / M) and the generation date in 和暦', () => {
  pages.forEach((page, i) => {
    expect(page).toContain(`${i + 1} / ${pages.length}`);
    expect(page).toContain('作成日 令和8年11月27日');
  });
});

test('the download is audited', async () => {
  const rows = await t.db('audit_log').where({ action: 'report.export', record_type: 'report', record_id: 'annual:2023:pdf', actor_id: staff.id });
  expect(rows).toHaveLength(1);
});
