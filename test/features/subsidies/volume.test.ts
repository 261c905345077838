import { useTestDatabase } from '../../helpers/suite';
import { generateSubsidies } from '../../../seeds/volume/subsidies';
import { subsidiesYearly } from '../../../src/features/subsidies/subsidies-reports';
import { ALL_WARDS } from '../../../src/contracts/report';
import { subsidyPerson } from './subsidy-factory';

const t = useTestDatabase();

test('the volume seed adds applications that keep every rule of the table, and the yearly table counts them', async () => {
  for (let i = 0; i < 60; i++) await subsidyPerson(t.db);
  expect(await generateSubsidies(t.db, { subsidies: 50, firstFiscalYear: 2017, until: '2026-11-27' })).toBe(50);
  const rows = await t.db('subsidies').select('status', 'decision', 'granted_yen', 'fee_awarded_yen', 'home_months', 'facility_months', 'decided_on');
  expect(rows.every((r) => r.granted_yen <= Math.min(r.fee_awarded_yen, r.home_months * 28000 + r.facility_months * 18000))).toBe(true);
  const relatives = await t.db('subsidies as s').join('code_entries as c', 'c.id', 's.guardian_relation_id')
    .whereIn('c.label', ['配偶者', '親', '子', '兄弟姉妹', 'その他親族']).count({ n: '*' });
  expect(relatives[0].n).toBe(0);
  const approved = rows.filter((r) => r.decision === '承認' && r.decided_on >= '2017-04-01' && r.decided_on <= '2027-03-31').length;
  const table = await subsidiesYearly.build(t.db, { from: 2017, to: 2026, filters: {} }, ALL_WARDS);
  expect((table.rows[0].cells as number[]).reduce((a, b) => a + b, 0)).toBe(approved);
  expect(approved).toBeGreaterThan(30);
});
