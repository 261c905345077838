import { join } from 'node:path';
import * as ejs from 'ejs';
import * as ExcelJS from 'exceljs';
import { useTestDatabase } from '../../helpers/suite';
import { petitionsByType, petitionsYearly } from '../../../src/features/petitions/reports/petitions-reports';
import { consultationsYearly } from '../../../src/features/reports/consultations-yearly';
import { renderReport } from '../../../src/features/reports/report-export';
import { ALL_WARDS } from '../../../src/contracts/report';
import { PAST_FIGURES_NOTE } from '../../../src/features/reports/past-figures/past-years';
import { pdfPages } from '../../lib/table/fixtures';
import { consultationsOn, enterFigures, filedPetition, wardIds } from './figures-data';
import { insertPerson } from '../../helpers/factories';

const t = useTestDatabase();
let w: Record<string, number>;
const WARDS = ['中央区', '東区', '西区', '南区', '北区'];
/** Figures entered for FY2019, FY2020 (no records) and FY2021 (which has records too). */
const FIGURES: Record<number, number[]> = { 2019: [4, 3, 2, 1, 5], 2020: [6, 0, 2, 3, 1], 2021: [9, 9, 9, 9, 9] };
/** Records: FY2021 (東区 2, 北区 1), FY2022 (中央区 1), FY2023 (none). */
const FILED: [string, string][] = [['東区', '2021-04-01'], ['東区', '2022-03-31'], ['北区', '2021-12-01'], ['中央区', '2022-04-01']];

beforeAll(async () => {
  w = await wardIds(t.db);
  for (const [fy, values] of Object.entries(FIGURES)) {
    await enterFigures(t.db, 'petitions-yearly', Number(fy), Object.fromEntries(WARDS.map((name, i) => [`ward_${w[name]}`, values[i]])));
  }
  for (const [ward, on] of FILED) await filedPetition(t.db, ward, on);
});

const span = { from: 2019, to: 2023, filters: {} };
const recordCount = (ward: string, fy: number) => FILED.filter(([wd, on]) => wd === ward && on >= `${fy}-04-01` && on <= `${fy + 1}-03-31`).length;

test('a year with records uses them (even with figures entered); a year with only figures uses them, marked', async () => {
  const table = await petitionsYearly.build(t.db, span, ALL_WARDS);
  expect(table.rows.map((r) => r.label)).toEqual([...WARDS, '計']);
  const expected = WARDS.map((ward, i) => [FIGURES[2019][i], FIGURES[2020][i], recordCount(ward, 2021), recordCount(ward, 2022), 0]);
  const totals = [0, 1, 2, 3, 4].map((j) => expected.reduce((s, r) => s + r[j], 0));
  expect(table.rows.map((r) => r.cells)).toEqual([...expected, totals]);
  expect(totals).toEqual([15, 12, 3, 1, 0]);
  for (const r of table.rows) expect(r.marks).toEqual([true, true, false, false, false]);
  expect(table.notes).toContain(PAST_FIGURES_NOTE);
  expect(table.columns.map((c) => c.csvLabel)).toEqual(['令和元年度（過年度実績）', '令和2年度（過年度実績）', '令和3年度', '令和4年度', '令和5年度']);
});

test('HTML and PDF show ※ in entered cells; CSV keeps numbers and says so in the header; xlsx keeps numbers', async () => {
  const table = await petitionsYearly.build(t.db, span, ALL_WARDS);
  const html = await ejs.renderFile(join(__dirname, '../../../views/partials/table.ejs'), { table });
  expect(html).toContain(`<th scope="row">中央区</th>\n      <td class="num"><span class="mark">※</span>4</td>`);
  expect(html.match(/<span class="mark">※<\/span>/g)).toHaveLength(12);
  const csv = (await renderReport(table, 'csv', new Date())).toString('utf8').split('\r\n');
  expect(csv[0]).toBe('\uFEFF区,令和元年度（過年度実績）,令和2年度（過年度実績）,令和3年度,令和4年度,令和5年度');
  expect(csv[1]).toBe('中央区,4,6,0,1,0');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await renderReport(table, 'xlsx', new Date())) as unknown as ArrayBuffer);
  const cell = wb.worksheets[0].getCell(5, 2);
  expect([cell.value, cell.numFmt]).toEqual([4, '"※"#,##0']);
  expect(wb.worksheets[0].getCell(5, 4).numFmt).toBe('#,##0');
  const text = pdfPages(await renderReport(table, 'pdf', new Date())).join('\n');
  expect(text).toContain('※4');
  expect(text).toContain('※印は過年度実績');
});

test('a ward user sees their ward\'s figures; whether a year has records is decided over every ward', async () => {
  const east = await petitionsYearly.build(t.db, span, { wardId: w['東区'] });
  expect(east.rows.map((r) => [r.label, ...r.cells])).toEqual([['東区', 3, 0, 2, 0, 0], ['計', 3, 0, 2, 0, 0]]);
  // 南区 filed nothing in FY2021, but other wards did: the year counts records (0), not the figure 9
  const south = await petitionsYearly.build(t.db, span, { wardId: w['南区'] });
  expect(south.rows[0].cells).toEqual([1, 3, 0, 0, 0]);
});

test('a span without entered years has no marks and no note; figures of another report are not used', async () => {
  const table = await petitionsYearly.build(t.db, { from: 2021, to: 2023, filters: {} }, ALL_WARDS);
  expect(table.rows.every((r) => r.marks === undefined)).toBe(true);
  expect(table.notes).not.toContain(PAST_FIGURES_NOTE);
  const byType = await petitionsByType.build(t.db, span, ALL_WARDS);
  expect(byType.rows.at(-1)!.cells).toEqual([0, 0, 3, 1, 0]);
});

describe('consultations-yearly', () => {
  let personA: number;
  let personB: number;
  beforeAll(async () => {
    personA = await insertPerson(t.db, { name: '甲', name_kana: 'コウ' });
    personB = await insertPerson(t.db, { name: '乙', name_kana: 'オツ' });
    await consultationsOn(t.db, [['2023-04-01', personA], ['2023-06-01', personA], ['2024-03-31', personB], ['2023-05-05', null], ['2024-04-01', personB]]);
    await consultationsOn(t.db, [['2023-07-01', personA]], true);
    await consultationsOn(t.db, [['2021-05-01', null]], true); // deleted only: FY2021 has no records
    await enterFigures(t.db, 'consultations-yearly', 2021, { total: 120 }); // 実人数 left blank
    await enterFigures(t.db, 'consultations-yearly', 2022, { total: 280, persons: 150 });
    await enterFigures(t.db, 'consultations-yearly', 2023, { total: 999, persons: 999 });
  });

  test('相談件数 and 実人数 per fiscal year from records, entered years from figures (blank stays blank)', async () => {
    const table = await consultationsYearly.build(t.db, { from: 2020, to: 2024, filters: {} }, ALL_WARDS);
    expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['相談件数', 0, 120, 280, 4, 1],
      ['実人数', 0, null, 150, 2, 1],
    ]);
    expect(table.rows[0].marks).toEqual([false, true, true, false, false]);
    expect(table.notes).toContain(PAST_FIGURES_NOTE);
  });
});
