/** training-yearly with past-year figures (過年度実績): a year counting anything uses records; earlier years take the figures, marked. */
import { useTestDatabase } from '../../helpers/suite';
import { trainingYearly } from '../../../src/features/guardians/training-report';
import { ALL_WARDS } from '../../../src/contracts/report';
import { PAST_FIGURES_NOTE } from '../../../src/features/reports/past-figures/past-years';
import { enterFigures } from '../past-figures/figures-data';
import { insertSession, insertGuardian } from './guardian-factory';

const t = useTestDatabase();

beforeAll(async () => {
  await enterFigures(t.db, 'training-yearly', 2019, { completions: 12, followups: 30, bank: 4, cooperators: 1, cases: 2 });
  await enterFigures(t.db, 'training-yearly', 2020, { completions: 50, followups: 50, bank: 50, cooperators: 50, cases: 50 });
  const g = await insertGuardian(t.db, { activity: '2019-04-01' });
  await insertSession(t.db, '2020-07-01', '記録のある研修', [g]); // FY2020 has a record: its figures are ignored
});

test('FY2019 from the figures (marked), FY2020 from the records, FY2021 zero', async () => {
  const table = await trainingYearly.build(t.db, { from: 2019, to: 2021, filters: {} }, ALL_WARDS);
  expect(table.rows.map((r) => r.cells)).toEqual([[12, 0, 0], [30, 1, 0], [4, 0, 0], [1, 0, 0], [2, 0, 0]]);
  for (const r of table.rows) expect(r.marks).toEqual([true, false, false]);
  expect(table.notes).toContain(PAST_FIGURES_NOTE);
});
