import { plannedValue, type Target } from '../../../src/features/indicators/indicator-targets';

const target = (baseline_year: number, baseline_value: number, target_year: number, target_value: number): Target =>
  ({ id: 1, indicator: 'court_users', baseline_year, baseline_value, target_year, target_value, version: 1 });

test('indicator 1: 1,544 (2023) → 1,844 (2031) is 37.5 a year', () => {
  const t = target(2023, 1544, 2031, 1844);
  expect([2023, 2024, 2025, 2027, 2030, 2031].map((y) => plannedValue(t, y))).toEqual([1544, 1581.5, 1619, 1694, 1806.5, 1844]);
});

test('indicator 2: 5 (FY2023) → 20 (FY2031), rounded to one decimal', () => {
  const t = target(2023, 5, 2031, 20);
  expect([2023, 2024, 2025, 2026, 2027, 2031].map((y) => plannedValue(t, y))).toEqual([5, 6.9, 8.8, 10.6, 12.5, 20]);
});

test('no planned value outside the plan years; a falling target falls', () => {
  const t = target(2023, 100, 2025, 80);
  expect([plannedValue(t, 2022), plannedValue(t, 2024), plannedValue(t, 2026)]).toEqual([null, 90, null]);
});
