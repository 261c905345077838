/**
 * The amount a subsidy may grant (domain.md §4): min(fee awarded, home months × home cap +
 * facility months × facility cap), with the monthly caps in force on the period's first day.
 */
import { Knex } from 'knex';
import { yenText } from './subsidies-values';

export interface MonthlyCaps { home: number; facility: number }

export interface CapRow { setting: string; monthly_yen: number; valid_from: string; valid_to: string | null }

/** The caps valid on `iso` among `rows` (each setting's latest start on or before it); null when a setting has none. */
export function capsFrom(rows: CapRow[], iso: string): MonthlyCaps | null {
  const on = (setting: string) => rows
    .filter((r) => r.setting === setting && r.valid_from <= iso && (r.valid_to === null || r.valid_to >= iso))
    .sort((a, b) => b.valid_from.localeCompare(a.valid_from))[0]?.monthly_yen;
  const home = on('在宅');
  const facility = on('施設');
  return home === undefined || facility === undefined ? null : { home, facility };
}

export function loadCaps(db: Knex | Knex.Transaction): Promise<CapRow[]> {
  return db('subsidy_caps').orderBy(['setting', 'valid_from']).select('setting', 'monthly_yen', 'valid_from', 'valid_to');
}

/** The caps in force on `iso` (the first day of an application's period). */
export async function capsOn(db: Knex | Knex.Transaction, iso: string): Promise<MonthlyCaps | null> {
  const rows: CapRow[] = await db('subsidy_caps').where('valid_from', '<=', iso)
    .where((q) => { q.whereNull('valid_to').orWhere('valid_to', '>=', iso); })
    .select('setting', 'monthly_yen', 'valid_from', 'valid_to');
  return capsFrom(rows, iso);
}

export interface CapInput { fee_awarded_yen: number; home_months: number; facility_months: number; home_cap_yen: number; facility_cap_yen: number }

export interface Working {
  /** home months × home cap + facility months × facility cap */
  monthsCap: number;
  /** the most that may be granted: min(fee awarded, monthsCap) */
  limit: number;
  /** '在宅 3か月 × 28,000円 + 施設 2か月 × 18,000円 = 120,000円' */
  sum: string;
  /** '報酬付与額 150,000円 → 上限 120,000円' */
  result: string;
}

export function working(c: CapInput): Working {
  const monthsCap = c.home_months * c.home_cap_yen + c.facility_months * c.facility_cap_yen;
  const limit = Math.min(c.fee_awarded_yen, monthsCap);
  return {
    monthsCap,
    limit,
    sum: `在宅 ${c.home_months}か月 × ${yenText(c.home_cap_yen)} + 施設 ${c.facility_months}か月 × ${yenText(c.facility_cap_yen)} = ${yenText(monthsCap)}`,
    result: `報酬付与額 ${yenText(c.fee_awarded_yen)} → 上限 ${yenText(limit)}`,
  };
}

/** Calendar months the period touches: 2024-04-15 … 2024-06-10 → 3. */
export function monthsSpanned(from: string, to: string): number {
  const ym = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
  return ym(to) - ym(from) + 1;
}
