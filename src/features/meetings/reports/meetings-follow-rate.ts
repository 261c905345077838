/**
 * How often the family court followed the recommendation: among a fiscal year's live cases with an
 * appointed type recorded, the share whose appointed type is the recommended one. Counted in SQL.
 */
import { Knex } from 'knex';
import { fiscalYearRange } from '../../../lib/dates';

export interface FollowRate { decided: number; followed: number }

/** The live cases of live meetings held in the fiscal year (the base of every meetings tally). */
export function casesInYear(db: Knex | Knex.Transaction, fy: number) {
  const { from, to } = fiscalYearRange(fy);
  return db('meeting_cases as c').join('meetings as m', 'm.id', 'c.meeting_id')
    .whereNull('c.deleted_at').whereNull('m.deleted_at').whereBetween('m.held_on', [from, to]);
}

export async function followRate(db: Knex | Knex.Transaction, fy: number): Promise<FollowRate> {
  const [row] = await casesInYear(db, fy).select(
    db.raw('count(*) FILTER (WHERE c.appointed_type_id IS NOT NULL)::int AS decided'),
    db.raw('count(*) FILTER (WHERE c.appointed_type_id = c.recommended_type_id)::int AS followed'),
  );
  return { decided: Number(row.decided), followed: Number(row.followed) };
}

export const FOLLOW_RATE_LABEL = '追随率';
export const FOLLOW_RATE_NOTE = '追随率：家庭裁判所が選任した種別の記録がある件のうち、推薦した種別と同じ種別が選任された件の割合です。';

/** '75.0%（4件中3件）', or '—（選任の記録なし）'. */
export function followRateText(r: FollowRate): string {
  if (r.decided === 0) return '—（選任の記録なし）';
  return `${((r.followed / r.decided) * 100).toFixed(1)}%（${r.decided}件中${r.followed}件）`;
}
