/** The dashboard's periods, from the day alone (the numbers shown: dashboard.test.ts). */
import { comparisons, sameDayLastYear } from '../../../src/features/dashboard/dashboard-periods';

test('periods: this month and this fiscal year so far, against the same days a year earlier', () => {
  expect(comparisons('2026-11-27')).toEqual([
    { key: 'month', label: '今月', current: { from: '2026-11-01', to: '2026-11-27' }, previous: { from: '2025-11-01', to: '2025-11-27' } },
    { key: 'fy', label: '年度累計', current: { from: '2026-04-01', to: '2026-11-27' }, previous: { from: '2025-04-01', to: '2025-11-27' } },
  ]);
  expect(sameDayLastYear('2028-02-29')).toBe('2027-02-28');
  expect(comparisons('2027-01-05')[1].current.from).toBe('2026-04-01');
});
