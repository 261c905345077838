/** The subsidy cap, computed without a database (the caps in force on a period: cap.test.ts). */
import { capsFrom, monthsSpanned, working } from '../../../src/features/subsidies/subsidies-cap';

describe('the computation', () => {
  test('min(fee awarded, home months × home cap + facility months × facility cap), with its working', () => {
    const w = working({ fee_awarded_yen: 150000, home_months: 3, facility_months: 2, home_cap_yen: 28000, facility_cap_yen: 18000 });
    expect(w).toEqual({
      monthsCap: 120000, limit: 120000,
      sum: '在宅 3か月 × 28,000円 + 施設 2か月 × 18,000円 = 120,000円', result: '報酬付与額 150,000円 → 上限 120,000円',
    });
    expect(working({ fee_awarded_yen: 100000, home_months: 3, facility_months: 2, home_cap_yen: 28000, facility_cap_yen: 18000 }).limit).toBe(100000);
    expect(working({ fee_awarded_yen: 999999, home_months: 0, facility_months: 7, home_cap_yen: 28000, facility_cap_yen: 18000 }).limit).toBe(126000);
  });

  test('months the period touches', () => {
    expect(monthsSpanned('2024-04-01', '2025-03-31')).toBe(12);
    expect(monthsSpanned('2024-04-15', '2024-06-10')).toBe(3);
    expect(monthsSpanned('2024-12-31', '2025-01-01')).toBe(2);
  });

  test('the caps of a day: each setting\'s row valid on it', () => {
    const rows = [
      { setting: '在宅', monthly_yen: 28000, valid_from: '2000-04-01', valid_to: '2025-03-31' },
      { setting: '在宅', monthly_yen: 30000, valid_from: '2025-04-01', valid_to: null },
      { setting: '施設', monthly_yen: 18000, valid_from: '2000-04-01', valid_to: null },
    ];
    expect(capsFrom(rows, '2025-03-31')).toEqual({ home: 28000, facility: 18000 });
    expect(capsFrom(rows, '2025-04-01')).toEqual({ home: 30000, facility: 18000 });
    expect(capsFrom(rows, '1999-04-01')).toBeNull();
  });
});
