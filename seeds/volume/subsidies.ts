import { Knex } from 'knex';
import { daysBetween } from '../../src/lib/dates';

export interface SubsidyVolumeOptions {
  subsidies: number;
  firstFiscalYear: number;
  /** last date generated (today): recent applications are still under review or unpaid */
  until: string;
}

/**
 * Fee subsidies in proportion to the persons: one court fee decision a day spread over the years,
 * a year's period before it, 12 months split between home and facility at the seeded caps, decided
 * 30 days after the court (1 in 20 rejected) and paid 20 days later; what falls after `until` is
 * left 審査 or unpaid. One statement inside the database.
 */
const INSERT_SUBSIDIES = `
  WITH chosen AS MATERIALIZED (
    SELECT id, ward_id FROM persons WHERE merged_into_id IS NULL ORDER BY random() LIMIT :n::int
  ), base AS MATERIALIZED (
    SELECT c.id AS person_id, COALESCE(c.ward_id, (:wards::int[])[1 + floor(random() * cardinality(:wards::int[]))::int]) AS ward_id,
           :start::date + floor(random() * :days::int)::int AS court_on, floor(random() * 13)::int AS home,
           (200000 + floor(random() * 200000))::int AS fee, random() AS r, random() AS line
    FROM chosen c
  ), dated AS (
    SELECT *, court_on + 30 AS decided, court_on + 50 AS paid, LEAST(fee, home * 28000 + (12 - home) * 18000) AS cap FROM base
  )
  INSERT INTO subsidies (person_id, ward_id, guardian_name, guardian_relation_id, petition_type, received_on, court_decided_on,
    period_from, period_to, fee_awarded_yen, home_months, facility_months, home_cap_yen, facility_cap_yen, eligibility, funding_line,
    granted_yen, status, decision, decided_on, decision_number, decision_reason, payee, paid_on, created_at, updated_at)
  SELECT person_id, ward_id, '後見人 ' || person_id, (:relations::int[])[1 + floor(random() * cardinality(:relations::int[]))::int],
         (ARRAY['市長','本人','親族'])[1 + floor(random() * 3)::int], court_on + 5, court_on, court_on - 365, court_on - 1, fee, home, 12 - home,
         28000, 18000, (ARRAY['生活保護','中国残留邦人等支援給付','市長が認める者'])[1 + floor(random() * 3)::int],
         CASE WHEN line < 0.6 THEN '高齢' ELSE '障がい' END, cap,
         CASE WHEN decided > :until::date THEN '審査' WHEN r < 0.05 OR paid > :until::date THEN '決定' ELSE '支払' END,
         CASE WHEN decided > :until::date THEN NULL WHEN r < 0.05 THEN '却下' ELSE '承認' END,
         CASE WHEN decided > :until::date THEN NULL ELSE decided END,
         CASE WHEN decided > :until::date THEN NULL ELSE '熊健福第' || person_id || '号' END,
         CASE WHEN decided <= :until::date AND r < 0.05 THEN '収入が基準を超えるため' END,
         '後見人 ' || person_id,
         CASE WHEN decided <= :until::date AND r >= 0.05 AND paid <= :until::date THEN paid END,
         (court_on + time '09:00') AT TIME ZONE 'Asia/Tokyo', (court_on + time '09:00') AT TIME ZONE 'Asia/Tokyo'
  FROM dated`;

/** Adds the applications; returns how many were added. */
export async function generateSubsidies(db: Knex, o: SubsidyVolumeOptions): Promise<number> {
  const after = Number((await db('subsidies').max({ m: 'id' }))[0].m ?? 0);
  const start = `${o.firstFiscalYear}-04-01`;
  const relations = (await db('code_entries').where({ list: 'guardian_relation' })
    .whereNotIn('label', ['配偶者', '親', '子', '兄弟姉妹', 'その他親族']).orderBy('id').pluck('id')).map(Number);
  await db.raw(INSERT_SUBSIDIES, {
    n: o.subsidies, start, days: Math.max(1, daysBetween(start, o.until) - 5), until: o.until,
    wards: (await db('wards').orderBy('id').pluck('id')).map(Number), relations,
  });
  await db.raw('ANALYZE subsidies');
  return Number((await db('subsidies').where('id', '>', after).count({ n: '*' }))[0].n);
}
