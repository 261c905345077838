/** The monthly consultation table's registry entry and its parameters (the table itself: monthly.test.ts). */
import { consultationsMonthly } from '../../../src/features/reports/consultations-reports';
import { findReport } from '../../../src/features';
import { REPORT_MESSAGES } from '../../../src/features/reports/report-params';

test('is in the registry under its stable id', () => {
  expect(findReport('consultations-monthly')).toBe(consultationsMonthly);
});

describe('params', () => {
  const now = new Date('2026-03-31T15:30:00Z'); // 2026-04-01 00:30 in Tokyo: FY2026
  const parse = (q: Record<string, unknown>) => consultationsMonthly.parse(q, now);

  test('fy defaults to the current fiscal year in Tokyo; full-width digits and filters are read', () => {
    expect(parse({})).toEqual({ ok: true, params: { fy: 2026, filters: {} } });
    expect(consultationsMonthly.parse({}, new Date('2026-03-31T14:30:00Z'))).toEqual({ ok: true, params: { fy: 2025, filters: {} } });
    expect(parse({ fy: '２０２３', ward: '2', method: '' })).toEqual({ ok: true, params: { fy: 2023, filters: { ward: 2 } } });
  });

  test.each([['abc'], ['1999'], ['2101'], ['2023.5'], [['2023', '2024']]])('fy=%p is refused with a Japanese message', (fy) => {
    const r = parse({ fy });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errorList).toEqual([{ field: 'fy', message: REPORT_MESSAGES.fy }]);
  });

  test('a filter that is not an id is refused', () => {
    const r = parse({ fy: '2023', ward: 'east' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.ward).toBe('区の指定が正しくありません');
  });
});
