import { petitionsYearly } from '../../../src/features/petitions/reports/petitions-reports';
import { REPORT_MESSAGES } from '../../../src/features/reports/report-params';

describe('parameters', () => {
  const now = new Date('2026-11-27T00:00:00Z'); // FY2026
  const parse = (q: Record<string, unknown>) => petitionsYearly.parse(q, now);

  test('default: the last five fiscal years; one end given, the other follows', () => {
    expect(parse({})).toEqual({ ok: true, params: { from: 2022, to: 2026, filters: {} } });
    expect(petitionsYearly.parse({}, new Date('2026-03-31T14:30:00Z'))).toEqual({ ok: true, params: { from: 2021, to: 2025, filters: {} } });
    expect(parse({ from: '2019', to: '２０２３' })).toEqual({ ok: true, params: { from: 2019, to: 2023, filters: {} } });
    expect(parse({ to: '2023' })).toEqual({ ok: true, params: { from: 2019, to: 2023, filters: {} } });
    expect(parse({ from: '2010' })).toEqual({ ok: true, params: { from: 2010, to: 2026, filters: {} } });
    expect(parse({ from: '2023', to: '2023' })).toEqual({ ok: true, params: { from: 2023, to: 2023, filters: {} } });
    expect(parse({ from: '令和元年度', to: 'R5' })).toEqual({ ok: true, params: { from: 2019, to: 2023, filters: {} } });
  });

  test.each([
    [{ from: '2024', to: '2023' }, 'from', REPORT_MESSAGES.order],
    [{ from: '2000', to: '2020' }, 'from', REPORT_MESSAGES.span],
    [{ from: '1999', to: '2003' }, 'from', REPORT_MESSAGES.from],
    [{ from: '2019', to: '令和0年度' }, 'to', REPORT_MESSAGES.to],
    [{ to: '2101' }, 'to', REPORT_MESSAGES.to],
  ])('%p is refused on %s', (q, field, message) => {
    const r = parse(q);
    expect(r).toMatchObject({ ok: false, errors: { [field]: message } });
  });

  test('twenty years is the most', () => {
    expect(parse({ from: '2001', to: '2020' })).toMatchObject({ ok: true });
  });
});
