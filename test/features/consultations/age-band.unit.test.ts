/**
 * Issue 14 item 15: 年齢区分 fills from the linked person's birth date and the consultation date;
 * staff may choose another. The pure derivation (the routes: age-band-form.test.ts).
 */
import { bandRange, deriveAgeBand } from '../../../src/features/consultations/consultations-age-band';

const SEEDED = ['40歳未満', '40歳代', '50歳代', '60〜64歳', '65〜74歳', '75〜84歳', '85歳以上', '不明'].map((label, i) => ({ id: i + 1, label }));
const bandOf = (birth: string | null, on: string | null) => SEEDED.find((b) => b.id === deriveAgeBand(SEEDED, birth, on))?.label ?? null;

describe('deriving the band (pure)', () => {
  test('labels read as ranges; 不明 and other words as none', () => {
    expect(['40歳未満', '40歳代', '60〜64歳', '６０～６４歳', '65-74歳', '85歳以上', '70歳', '不明', '高齢'].map(bandRange)).toEqual([
      { min: 0, max: 39 }, { min: 40, max: 49 }, { min: 60, max: 64 }, { min: 60, max: 64 }, { min: 65, max: 74 },
      { min: 85, max: Infinity }, { min: 70, max: 70 }, null, null,
    ]);
  });

  test.each([
    ['1951-11-27', '2026-11-26', '65〜74歳'], // the day before the 75th birthday
    ['1951-11-27', '2026-11-27', '75〜84歳'], // the birthday
    ['1986-04-01', '2026-03-31', '40歳未満'],
    ['1986-04-01', '2026-04-01', '40歳代'],
    ['1961-06-15', '2026-06-14', '60〜64歳'],
    ['1961-06-15', '2026-06-15', '65〜74歳'],
    ['1941-02-28', '2026-02-28', '85歳以上'],
    ['1944-02-29', '2029-02-28', '75〜84歳'], // 29 Feb: 85 only on 1 March in a common year
    ['1944-02-29', '2029-03-01', '85歳以上'],
  ])('born %s, consulted %s: %s', (birth, on, label) => {
    expect(bandOf(birth, on)).toBe(label);
  });

  test('no birth date, no consultation date, or a date before birth: none', () => {
    expect([bandOf(null, '2026-01-01'), bandOf('1950-01-01', null), bandOf('2026-01-02', '2026-01-01')]).toEqual([null, null, null]);
  });
});
