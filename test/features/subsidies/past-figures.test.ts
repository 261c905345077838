/** subsidies-yearly with past-year figures (過年度実績): records win in a year that has them; other years take the figures, marked. */
import { useTestDatabase } from '../../helpers/suite';
import { subsidiesYearly } from '../../../src/features/subsidies/subsidies-reports';
import { ALL_WARDS } from '../../../src/contracts/report';
import { PAST_FIGURES_NOTE } from '../../../src/features/reports/past-figures/past-years';
import { enterFigures } from '../past-figures/figures-data';
import { insertSubsidy, subsidyPerson } from './subsidy-factory';

const t = useTestDatabase();

beforeAll(async () => {
  // FY2020: figures only. FY2021: figures and one approved record (records win). FY2022: a record only.
  await enterFigures(t.db, 'subsidies-yearly', 2020, { count_all: 7, amount_all: 950, count_line0: 4, amount_line0: 500, count_line1: 3, amount_line1: 450 });
  await enterFigures(t.db, 'subsidies-yearly', 2021, { count_all: 99, amount_all: 99, count_line0: 99, amount_line0: 99, count_line1: 99, amount_line1: 99 });
  await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db), status: '決定', decided_on: '2021-06-01', granted: 123_500, funding: '障がい' });
  await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db), status: '決定', decided_on: '2023-03-31', granted: 80_000, funding: '高齢' });
});

test('entered years take the figures, marked ※; a year with records ignores its figures', async () => {
  const table = await subsidiesYearly.build(t.db, { from: 2020, to: 2023, filters: {} }, ALL_WARDS);
  expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
    ['件数', 7, 1, 1, 0],
    ['助成額（千円）', 950, 124, 80, 0],
    ['高齢 件数', 4, 0, 1, 0],
    ['高齢 助成額（千円）', 500, 0, 80, 0],
    ['障がい 件数', 3, 1, 0, 0],
    ['障がい 助成額（千円）', 450, 124, 0, 0],
  ]);
  for (const r of table.rows) expect(r.marks).toEqual([true, false, false, false]);
  expect(table.notes).toContain(PAST_FIGURES_NOTE);
  expect(table.columns[0].csvLabel).toContain('過年度実績');
});

test('the entry screen offers the six rows', async () => {
  const rows = await subsidiesYearly.pastFigures!.rows(t.db);
  expect(rows.map((r) => r.label)).toEqual(['件数', '助成額（千円）', '高齢 件数', '高齢 助成額（千円）', '障がい 件数', '障がい 助成額（千円）']);
});
