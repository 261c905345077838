import fc from 'fast-check';
import { dayOfWeek } from '../../src/lib/dates/calendar';
import {
  addBusinessDays,
  addDays,
  addYears,
  businessDaysBetween,
  daysBetween,
  describeDate,
  fiscalMonths,
  fiscalYearLabel,
  fiscalYearName,
  fiscalYearOf,
  fiscalYearRange,
  formatDateTime,
  isBusinessDay,
  isHoliday,
  isValidIso,
  parseDateInput,
  todayIso,
  toWareki,
  toWarekiWithWestern,
  warekiYear,
} from '../../src/lib/dates';

describe('toWareki', () => {
  it.each([
    ['2025-04-01', '令和7年4月1日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1912-07-29', '明治45年7月29日'],
    ['2026-11-27', '令和8年11月27日'],
  ])('%s → %s', (iso, expected) => {
    expect(toWareki(iso)).toBe(expected);
  });

  it('adds the western year', () => {
    expect(toWarekiWithWestern('2025-04-01')).toBe('令和7年4月1日（2025年）');
    expect(toWarekiWithWestern('2019-05-01')).toBe('令和元年5月1日（2019年）');
  });

  it.each(['', '2025-4-1', '2023-02-29', '2025-13-01', 'nonsense', '1868-01-01'])('throws on %j', (bad) => {
    expect(() => toWareki(bad)).toThrow(RangeError);
  });

  it('agrees with Intl japanese calendar on the 1st of every month 1900–2100 and around each era change', () => {
    const intl = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      era: 'long',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      timeZone: 'Asia/Tokyo',
    });
    const isos: string[] = [];
    for (let y = 1900; y <= 2100; y++) {
      for (let m = 1; m <= 12; m++) isos.push(`${y}-${String(m).padStart(2, '0')}-01`);
    }
    for (const start of ['1912-07-30', '1926-12-25', '1989-01-08', '2019-05-01']) {
      for (let k = -3; k <= 3; k++) isos.push(addDays(start, k));
    }
    for (const iso of isos) {
      const parts = intl.formatToParts(new Date(`${iso}T12:00:00+09:00`));
      const get = (t: string) => parts.find((p) => p.type === t)?.value;
      const y = Number(get('year'));
      const expected = `${get('era')}${y === 1 ? '元' : y}年${Number(get('month'))}月${Number(get('day'))}日`;
      expect([iso, toWareki(iso)]).toEqual([iso, expected]);
    }
  });
});

describe('warekiYear', () => {
  it.each([
    [2019, '令和元年'],
    [2025, '令和7年'],
    [2018, '平成30年'],
    [1989, '平成元年'],
    [1988, '昭和63年'],
  ])('%i → %s', (y, expected) => expect(warekiYear(y)).toBe(expected));
});

describe('fiscal years', () => {
  it('assigns dates to April–March fiscal years', () => {
    expect(fiscalYearOf('2024-03-31')).toBe(2023);
    expect(fiscalYearOf('2024-04-01')).toBe(2024);
    expect(fiscalYearOf('2024-12-31')).toBe(2024);
    expect(fiscalYearOf('2025-01-01')).toBe(2024);
  });

  it('names 2024-03-31 as 令和5年度 and 2024-04-01 as 令和6年度', () => {
    expect(fiscalYearName(fiscalYearOf('2024-03-31'))).toBe('令和5年度');
    expect(fiscalYearName(fiscalYearOf('2024-04-01'))).toBe('令和6年度');
  });

  it('names FY2019 令和元年度 although April 2019 was 平成31年', () => {
    expect(fiscalYearName(2019)).toBe('令和元年度');
    expect(fiscalYearName(2018)).toBe('平成30年度');
    expect(fiscalYearName(2023)).toBe('令和5年度');
    expect(fiscalYearName(1989)).toBe('平成元年度');
  });

  it('labels with the western year', () => {
    expect(fiscalYearLabel(2023)).toBe('令和5年度（2023年度）');
    expect(fiscalYearLabel(2019)).toBe('令和元年度（2019年度）');
  });

  it('gives the range', () => {
    expect(fiscalYearRange(2023)).toEqual({ from: '2023-04-01', to: '2024-03-31' });
  });

  it('lists months April to March', () => {
    const months = fiscalMonths(2023);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ year: 2023, month: 4, label: '4月' });
    expect(months[8]).toEqual({ year: 2023, month: 12, label: '12月' });
    expect(months[9]).toEqual({ year: 2024, month: 1, label: '1月' });
    expect(months[11]).toEqual({ year: 2024, month: 3, label: '3月' });
    expect(months.map((m) => m.label)).toEqual(
      ['4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月'],
    );
  });

  it('every date lies within the range of its fiscal year', () => {
    fc.assert(
      fc.property(fc.integer({ min: -36500, max: 36500 }), (n) => {
        const iso = addDays('2000-01-01', n);
        const { from, to } = fiscalYearRange(fiscalYearOf(iso));
        return from <= iso && iso <= to;
      }),
    );
  });
});

describe('parseDateInput', () => {
  it.each([
    ['2025-04-01', '2025-04-01'],
    ['2025/4/1', '2025-04-01'],
    ['2025.4.1', '2025-04-01'],
    ['2025年4月1日', '2025-04-01'],
    ['令和7年4月1日', '2025-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R7.4.1', '2025-04-01'],
    ['r7/4/1', '2025-04-01'],
    ['R7-4-1', '2025-04-01'],
    ['H31.4.30', '2019-04-30'],
    ['h1.1.8', '1989-01-08'],
    ['S64.1.7', '1989-01-07'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和64年1月7日', '1989-01-07'],
    ['昭和50年10月10日', '1975-10-10'],
    ['大正15年12月24日', '1926-12-24'],
    ['  2025-04-01\t', '2025-04-01'],
    ['２０２５／４／１', '2025-04-01'],
    ['２０２５年４月１日', '2025-04-01'],
    ['Ｒ７．４．１', '2025-04-01'],
    ['令和７年４月１日', '2025-04-01'],
    ['㋿7.4.1', '2025-04-01'],
    ['2025−04−01', '2025-04-01'],
    ['令和 7年 4月 1日', '2025-04-01'],
    ['2024-02-29', '2024-02-29'],
    ['1900-01-01', '1900-01-01'],
    ['2100-12-31', '2100-12-31'],
  ])('%j → %s', (input, iso) => {
    expect(parseDateInput(input)).toEqual({ ok: true, iso });
  });

  it.each([
    '',
    '   ',
    '2023-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '令和元年4月30日',
    'R1.4.30',
    '平成31年5月1日',
    'H31.5.1',
    'H32.1.1',
    '昭和64年1月8日',
    '平成元年1月7日',
    'R0.1.1',
    '1899-12-31',
    '2101-01-01',
    '明治32年1月1日',
    '25-04-01',
    '7.4.1',
    '元年5月1日',
    'X7.4.1',
    '2025/04-01',
    '2025-04-01x',
    'tomorrow',
  ])('rejects %j', (input) => {
    expect(parseDateInput(input)).toEqual({ ok: false });
  });

  it('round-trips every date 1900–2100 through toWareki', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: daysBetween('1900-01-01', '2100-12-31') }), (n) => {
        const iso = addDays('1900-01-01', n);
        const r = parseDateInput(toWareki(iso));
        return r.ok && r.iso === iso;
      }),
    );
  });

  it('describes the parsed date', () => {
    expect(describeDate('2025-04-01')).toBe('令和7年4月1日（2025年4月1日）');
    expect(describeDate('2019-05-01')).toBe('令和元年5月1日（2019年5月1日）');
  });
});

describe('todayIso and formatDateTime (Asia/Tokyo)', () => {
  it('rolls over at midnight JST, not UTC', () => {
    expect(todayIso(new Date('2026-11-27T14:59:59Z'))).toBe('2026-11-27');
    expect(todayIso(new Date('2026-11-27T15:00:00Z'))).toBe('2026-11-28');
    expect(todayIso(new Date('2026-11-27T15:30:00Z'))).toBe('2026-11-28');
    expect(todayIso(new Date('2025-12-31T15:00:00Z'))).toBe('2026-01-01');
  });

  it('formats date and time in JST', () => {
    expect(formatDateTime(new Date('2026-11-27T06:04:00Z'))).toBe('令和8年11月27日 15:04');
    expect(formatDateTime(new Date('2026-11-27T15:30:00Z'))).toBe('令和8年11月28日 00:30');
    expect(formatDateTime(new Date('2019-04-30T14:59:00Z'))).toBe('平成31年4月30日 23:59');
    expect(formatDateTime(new Date('2019-04-30T15:00:00Z'))).toBe('令和元年5月1日 00:00');
  });

  it('rejects an invalid Date', () => {
    expect(() => todayIso(new Date('nope'))).toThrow(RangeError);
  });
});

describe('holidays and business days', () => {
  it('knows national holidays including substitute holidays', () => {
    expect(isHoliday('2025-01-01')).toBe(true);
    expect(isHoliday('2025-05-06')).toBe(true); // こどもの日 振替休日
    expect(isHoliday('2025-05-03')).toBe(true);
    expect(isHoliday('2025-04-02')).toBe(false); // plain Wednesday
    expect(isHoliday('2025-05-07')).toBe(false);
  });

  it('business days exclude weekends, holidays and 12/29–1/3', () => {
    expect(isBusinessDay('2025-04-02')).toBe(true); // Wed
    expect(isBusinessDay('2025-04-05')).toBe(false); // Sat
    expect(isBusinessDay('2025-04-06')).toBe(false); // Sun
    expect(isBusinessDay('2025-05-06')).toBe(false); // substitute holiday (Tue)
    expect(isBusinessDay('2025-12-29')).toBe(false); // Mon, office closure
    expect(isBusinessDay('2026-01-02')).toBe(false); // Fri, office closure
    expect(isBusinessDay('2025-12-26')).toBe(true); // Fri
    expect(isBusinessDay('2026-01-05')).toBe(true); // Mon
    expect(isBusinessDay('2023-12-28')).toBe(true); // Thu, last day before closure
    expect(isBusinessDay('2025-01-03')).toBe(false); // Fri, office closure
    expect(isBusinessDay('2024-01-04')).toBe(true); // Thu, first day back
  });

  it('adds business days across Golden Week', () => {
    // 2025: 4/29 Tue holiday, 5/3–5/6 Sat–Tue holidays.
    expect(addBusinessDays('2025-04-28', 1)).toBe('2025-04-30');
    expect(addBusinessDays('2025-05-02', 1)).toBe('2025-05-07');
    expect(addBusinessDays('2025-04-25', 5)).toBe('2025-05-07'); // 28, 30, 1, 2, 7
    expect(addBusinessDays('2025-05-07', -1)).toBe('2025-05-02');
  });

  it('adds business days across New Year', () => {
    // 2025-12-26 Fri; 12/29–1/3 closed; 1/4 Sun; 2026-01-05 Mon.
    expect(addBusinessDays('2025-12-26', 1)).toBe('2026-01-05');
    expect(addBusinessDays('2025-12-25', 3)).toBe('2026-01-06');
    expect(addBusinessDays('2026-01-05', -1)).toBe('2025-12-26');
    expect(addBusinessDays('2025-12-30', 0)).toBe('2025-12-30');
    expect(addBusinessDays('2025-12-30', 1)).toBe('2026-01-05'); // start need not be a business day
    expect(addBusinessDays('2024-12-27', 1)).toBe('2025-01-06'); // 1/3 Fri is closed too
  });

  it('counts business days after from, up to and including to', () => {
    expect(businessDaysBetween('2025-04-25', '2025-05-07')).toBe(5);
    expect(businessDaysBetween('2025-12-26', '2026-01-05')).toBe(1);
    expect(businessDaysBetween('2025-04-02', '2025-04-02')).toBe(0);
    expect(businessDaysBetween('2025-04-01', '2025-04-02')).toBe(1);
    expect(businessDaysBetween('2025-05-07', '2025-04-25')).toBe(-5);
  });

  it('addBusinessDays and businessDaysBetween agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 60 }), (offset, n) => {
        const start = addDays('2020-01-01', offset);
        const end = addBusinessDays(start, n);
        return businessDaysBetween(start, end) === n && (n === 0 || isBusinessDay(end));
      }),
    );
  });

  it('rejects non-integer counts', () => {
    expect(() => addBusinessDays('2025-04-01', 1.5)).toThrow(RangeError);
  });
});

describe('daysBetween / addDays', () => {
  it('counts calendar days', () => {
    expect(daysBetween('2025-04-01', '2025-04-01')).toBe(0);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2025-04-01', '2025-03-31')).toBe(-1);
    expect(daysBetween('2024-04-01', '2025-04-01')).toBe(365);
    expect(daysBetween('1900-01-01', '2100-01-01')).toBe(73049);
  });

  it('addDays inverts daysBetween', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50000, max: 50000 }), (n) => {
        const iso = addDays('2000-02-29', n);
        return isValidIso(iso) && daysBetween('2000-02-29', iso) === n;
      }),
    );
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('addYears / dayOfWeek', () => {
  it('moves by whole years, 29 February to 28 February in a common year', () => {
    expect(addYears('2025-04-01', -1)).toBe('2024-04-01');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2024-12-31', 1)).toBe('2025-12-31');
    expect(() => addYears('2024-01-01', 0.5)).toThrow(RangeError);
  });

  it('names the weekday, 0 = Sunday', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2024-02-29')).toBe(4);
    expect(dayOfWeek('2025-04-01')).toBe(2);
    expect(dayOfWeek('1900-01-01')).toBe(1);
    expect(dayOfWeek('2100-12-31')).toBe(5);
  });

  it('refuses what is not a real date, and years dayjs would misread (before 100), rather than miscount', () => {
    expect(() => addDays('2025-02-29', 1)).toThrow(RangeError);
    expect(() => daysBetween('2025-04-01', '2025-4-1')).toThrow(RangeError);
    expect(() => addDays('0050-01-01', 1)).toThrow(RangeError);
    expect(addDays('0100-01-01', -1)).toBe('0099-12-31');
  });
});
