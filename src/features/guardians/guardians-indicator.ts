/**
 * Plan indicator 2 (domain.md §7): 市民後見人の対応ケース数 — cases handled by citizen guardians,
 * counted per fiscal year as the cases active in that year: appointed on or before the year's
 * end (3/31) and not ended before its start (4/1). A case is one 本人: a person served by two
 * citizen guardians in one year (a successor) counts once. Counted in SQL, one row per year.
 */
import { Knex } from 'knex';

export async function citizenGuardianCases(db: Knex | Knex.Transaction, fromFy: number, toFy: number): Promise<Map<number, number>> {
  const result = await db.raw(`
    SELECT y.fy::int AS fy, count(DISTINCT a.person_id)::int AS n
    FROM generate_series(?::int, ?::int) AS y(fy)
    LEFT JOIN guardian_appointments a
      ON a.appointed_on <= make_date(y.fy + 1, 3, 31)
     AND (a.ended_on IS NULL OR a.ended_on >= make_date(y.fy, 4, 1))
    GROUP BY y.fy ORDER BY y.fy`, [fromFy, toFy]);
  return new Map((result.rows as { fy: number; n: number }[]).map((r) => [r.fy, r.n]));
}
