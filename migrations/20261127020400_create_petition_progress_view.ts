import { Knex } from 'knex';

/**
 * A petition's current stage, derived (never stored twice): the first of stages 1–12 with no
 * row, or none once stage 12 (終結/取下げ) is recorded. stage_since is when the previous stage
 * was completed (intake day for stage 1); null when that date is unknown (historical import).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE VIEW petition_progress AS
    SELECT p.id AS petition_id,
           CASE WHEN closed.yes THEN NULL ELSE cur.stage END AS current_stage,
           CASE WHEN closed.yes THEN NULL
                WHEN cur.stage = 1 THEN (p.created_at AT TIME ZONE 'Asia/Tokyo')::date
                ELSE prev.completed_on END AS stage_since,
           closed.yes AS closed
    FROM petitions p
    CROSS JOIN LATERAL (
      SELECT EXISTS (SELECT 1 FROM petition_stages s WHERE s.petition_id = p.id AND s.stage = 12) AS yes
    ) closed
    CROSS JOIN LATERAL (
      SELECT min(n.stage) AS stage FROM generate_series(1, 12) AS n(stage)
      WHERE NOT EXISTS (SELECT 1 FROM petition_stages s WHERE s.petition_id = p.id AND s.stage = n.stage)
    ) cur
    LEFT JOIN petition_stages prev ON prev.petition_id = p.id AND prev.stage = cur.stage - 1`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP VIEW petition_progress');
}
