import fc from 'fast-check';
import { ageOn, addDays, fiscalYearLabel, fiscalYearName, parseFiscalYearInput } from '../../src/lib/dates';

describe('parseFiscalYearInput (every 年度 field)', () => {
  it.each([
    ['2025', 2025], ['2025年度', 2025], ['２０２５年度', 2025], [' 2025 ', 2025], ['2025年', 2025],
    ['令和7年度', 2025], ['令和７年度', 2025], ['R7年度', 2025], ['r7', 2025], ['Ｒ７年度', 2025], ['令和 7 年度', 2025], ['R7', 2025],
    ['令和元年度', 2019], ['R1年度', 2019], ['平成31年度', 2019], ['H31', 2019], ['平成元年度', 1989], ['H30年度', 2018],
    ['昭和63年度', 1988], ['S63', 1988],
    ['令和7年度（2025年度）', 2025], ['令和元年度(2019年度)', 2019],
  ])('%s → %i', (input, fy) => {
    expect(parseFiscalYearInput(input)).toEqual({ ok: true, fy });
  });

  it.each([
    '', '   ', '25', '令和', '年度', '令和0年度', '昭和64年度', '平成32年度', '令和7年度（2024年度）', 'X7年度', '2025年4月', '1899', '2101',
    '令和7年度度', '7年度', '2025-04', 'abc',
  ])('refuses %j', (input) => {
    expect(parseFiscalYearInput(input)).toEqual({ ok: false });
  });

  it('refuses anything that is not a string', () => {
    expect(parseFiscalYearInput(undefined)).toEqual({ ok: false });
    expect(parseFiscalYearInput(2025)).toEqual({ ok: false });
  });

  it('reads back every name and label the app shows, 1990–2100', () => {
    fc.assert(fc.property(fc.integer({ min: 1990, max: 2100 }), (fy) => {
      const back = [fiscalYearName(fy), fiscalYearLabel(fy), String(fy), `${fy}年度`].map(parseFiscalYearInput);
      return back.every((r) => r.ok && r.fy === fy);
    }));
  });
});

describe('ageOn (age at a date, one year older on the birthday)', () => {
  it.each([
    ['1950-06-15', '2025-06-14', 74],
    ['1950-06-15', '2025-06-15', 75],
    ['1950-06-15', '2025-06-16', 75],
    ['1950-06-15', '2025-01-01', 74],
    ['1950-06-15', '2025-12-31', 75],
    ['1950-06-15', '1950-06-15', 0],
    ['1960-12-31', '2025-12-30', 64],
    ['1960-12-31', '2025-12-31', 65],
    ['1960-01-01', '2024-12-31', 64],
    ['1960-01-01', '2025-01-01', 65],
    ['1948-02-29', '2025-02-28', 76],
    ['1948-02-29', '2025-03-01', 77],
    ['1948-02-29', '2024-02-28', 75],
    ['1948-02-29', '2024-02-29', 76],
  ])('born %s, on %s: %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('is null before birth', () => {
    expect(ageOn('2025-06-15', '2025-06-14')).toBeNull();
  });

  it('goes up by exactly one on each birthday and never between', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 30000 }), fc.integer({ min: 1, max: 40000 }), (b, n) => {
      const birth = addDays('1920-01-01', b);
      const day = addDays(birth, n);
      const before = ageOn(birth, addDays(day, -1))!;
      const now = ageOn(birth, day)!;
      const birthday = day.slice(5) === birth.slice(5) || (birth.slice(5) === '02-29' && day.slice(5) === '03-01' && !isLeap(Number(day.slice(0, 4))));
      return now - before === (birthday ? 1 : 0);
    }));
  });
});

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
