import { Knex } from 'knex';
import { daysBetween } from '../../src/lib/dates';

export interface PetitionVolumeOptions {
  petitions: number;
  firstFiscalYear: number;
  /** last date generated (today): recent petitions are still in progress */
  until: string;
}

/** Random element of an int[] binding, evaluated per row. */
const pick = (name: string) => `(:${name}::int[])[1 + floor(random() * cardinality(:${name}::int[]))::int]`;

/**
 * Intake days spread evenly over the years, persons drawn at random (their ward, or any ward).
 * The day is drawn outside the ORDER BY random() LIMIT subquery: drawn inside it, it came out
 * tied to the sort key (every intake in the first months of the span).
 */
const INSERT_PETITIONS = `
  INSERT INTO petitions (person_id, ward_id, legal_basis_id, type_sought_id, reason, urgency, referral_source, created_at, updated_at)
  SELECT per.id, COALESCE(per.ward_id, ${pick('wards')}), ${pick('bases')}, ${pick('types')},
         (ARRAY['親族なし','親族拒否','虐待','その他'])[1 + floor(random() * 4)::int],
         CASE WHEN random() < 0.05 THEN '緊急' ELSE '通常' END, 'ささえりあ',
         (per.d + time '09:00') AT TIME ZONE 'Asia/Tokyo', (per.d + time '09:00') AT TIME ZONE 'Asia/Tokyo'
  FROM (SELECT id, ward_id, :start::date + floor(random() * :days::int)::int AS d
        FROM (SELECT id, ward_id FROM persons WHERE merged_into_id IS NULL ORDER BY random() LIMIT :n::int) chosen) per`;

/**
 * Stages 1–11 in order, each taking 2–26 days (one in ten waits 30–119 days: the stalled ones),
 * none after \`until\`. About 8% stop early and close as 取下げ / 却下; the rest close as 完了 once
 * registered. Stage 6 (受任調整) is 「不要」 for half of them.
 */
const INSERT_STAGES = `
  WITH pet AS MATERIALIZED (
    SELECT id, (created_at AT TIME ZONE 'Asia/Tokyo')::date AS intake,
           CASE WHEN random() < 0.08 THEN 1 + floor(random() * 10)::int ELSE 11 END AS cut, random() < 0.5 AS skip6
    FROM petitions WHERE id > :after::int
  ), dated AS (
    SELECT pet.id, pet.cut, pet.skip6, s.stage,
           pet.intake + (sum(CASE WHEN random() < 0.1 THEN 30 + floor(random() * 90) ELSE 2 + floor(random() * 25) END)
             OVER (PARTITION BY pet.id ORDER BY s.stage))::int AS on_date
    FROM pet CROSS JOIN generate_series(1, 12) AS s(stage)
  )
  INSERT INTO petition_stages (petition_id, stage, status, completed_on, note, recorded_at)
  SELECT id, stage, CASE WHEN stage = 6 AND skip6 THEN 'not_needed' ELSE 'done' END, on_date,
         CASE WHEN stage = 6 AND skip6 THEN '候補者が決まっているため開催せず' END,
         (on_date + time '17:00') AT TIME ZONE 'Asia/Tokyo'
  FROM dated WHERE (stage <= cut OR stage = 12) AND on_date <= :until::date`;

/** The record's dates and close kind follow its stages, as recording them in the app would set them. */
const UPDATE_PETITIONS = `
  UPDATE petitions p SET
    approved_on = (SELECT completed_on FROM petition_stages s WHERE s.petition_id = p.id AND s.stage = 7),
    filed_on = (SELECT completed_on FROM petition_stages s WHERE s.petition_id = p.id AND s.stage = 8),
    decided_on = (SELECT completed_on FROM petition_stages s WHERE s.petition_id = p.id AND s.stage = 9),
    finalized_on = (SELECT completed_on FROM petition_stages s WHERE s.petition_id = p.id AND s.stage = 10),
    registered_on = (SELECT completed_on FROM petition_stages s WHERE s.petition_id = p.id AND s.stage = 11),
    close_kind = CASE
      WHEN NOT EXISTS (SELECT 1 FROM petition_stages s WHERE s.petition_id = p.id AND s.stage = 12) THEN NULL
      WHEN EXISTS (SELECT 1 FROM petition_stages s WHERE s.petition_id = p.id AND s.stage = 11) THEN '完了'
      WHEN p.id % 5 = 0 THEN '却下' ELSE '取下げ' END,
    updated_at = COALESCE((SELECT max(recorded_at) FROM petition_stages s WHERE s.petition_id = p.id), p.created_at)
  WHERE p.id > :after::int`;

const codeIds = async (db: Knex, list: string) => (await db('code_entries').where({ list }).orderBy('id').pluck('id')).map(Number);

/**
 * Mayoral petitions in proportion to the persons (the city files a few hundred a year): intake
 * days over the same fiscal years, stages in order, the old ones closed. Generated inside the
 * database in three bounded statements; returns how many were added.
 */
export async function generatePetitions(db: Knex, o: PetitionVolumeOptions): Promise<number> {
  const after = Number((await db('petitions').max({ m: 'id' }))[0].m ?? 0);
  const start = `${o.firstFiscalYear}-04-01`;
  await db.raw(INSERT_PETITIONS, {
    n: o.petitions, start, days: daysBetween(start, o.until) + 1,
    wards: (await db('wards').orderBy('id').pluck('id')).map(Number),
    bases: await codeIds(db, 'legal_basis'), types: (await codeIds(db, 'guardianship_type')).slice(0, 3),
  });
  await db.raw(INSERT_STAGES, { after, until: o.until });
  await db.raw(UPDATE_PETITIONS, { after });
  await db.raw('ANALYZE petitions');
  await db.raw('ANALYZE petition_stages');
  return Number((await db('petitions').where('id', '>', after).count({ n: '*' }))[0].n);
}
