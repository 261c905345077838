/** The annual report's plan, read off the report registry (the workbook and pages: annual-outputs.test.ts). */
import { annualPlan } from '../../../src/features/annual/annual-build';
import { REPORTS } from '../../../src/features';

test('a listed id that is not registered is skipped; the plan follows the section order', () => {
  const plan = annualPlan(REPORTS, 2023, () => true, [{ id: 'petitions-yearly' }, { id: 'no-such-report' }, { id: 'consultations-monthly' }]);
  expect(plan.map((p) => p.def.id)).toEqual(['petitions-yearly', 'consultations-monthly']);
  expect(plan[0].input).toEqual({ from: '2019', to: '2023' });
  expect(plan[1].input).toEqual({ fy: '2023' });
  expect(annualPlan(REPORTS, 2023, (def) => def.access !== 'petitions:read').map((p) => p.def.id)).not.toContain('petitions-yearly');
});
