import { Knex } from 'knex';

/**
 * A citizen guardian's current status, derived from the steps (never stored): the furthest step
 * reached — 協力員 (open 協力員 period), バンク登録 (open bank period), 登録抹消 (bank periods, all
 * closed), 支援員活動中, 修了, 受講中 (enrolled), or 未受講. Also the first completion date and
 * the open periods' start dates.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE VIEW citizen_guardian_progress AS
    SELECT g.id AS guardian_id,
           enr.completed_on,
           bank.open_since AS bank_since,
           coop.open_since AS cooperator_since,
           CASE WHEN coop.open_since IS NOT NULL THEN 'cooperator'
                WHEN bank.open_since IS NOT NULL THEN 'registered'
                WHEN bank.periods > 0 THEN 'withdrawn'
                WHEN g.activity_started_on IS NOT NULL THEN 'active'
                WHEN enr.completed_on IS NOT NULL THEN 'completed'
                WHEN enr.enrolments > 0 THEN 'enrolled'
                ELSE 'none' END AS status
    FROM citizen_guardians g
    CROSS JOIN LATERAL (
      SELECT min(e.completed_on) AS completed_on, count(*) AS enrolments
      FROM guardian_course_enrolments e WHERE e.guardian_id = g.id
    ) enr
    CROSS JOIN LATERAL (
      SELECT max(p.started_on) FILTER (WHERE p.ended_on IS NULL) AS open_since, count(*) AS periods
      FROM guardian_periods p WHERE p.guardian_id = g.id AND p.kind = 'bank'
    ) bank
    CROSS JOIN LATERAL (
      SELECT max(p.started_on) FILTER (WHERE p.ended_on IS NULL) AS open_since
      FROM guardian_periods p WHERE p.guardian_id = g.id AND p.kind = 'cooperator'
    ) coop`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP VIEW citizen_guardian_progress');
}
