import { Knex } from 'knex';

/**
 * Plan indicators' baseline and target (成果指標の基準値・目標値), master data an admin edits.
 * One row per indicator; the year is a calendar year or a fiscal year as the indicator defines.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('indicator_targets', (t) => {
    t.increments('id');
    t.text('indicator').notNullable().unique();
    t.integer('baseline_year').notNullable();
    t.integer('baseline_value').notNullable();
    t.integer('target_year').notNullable();
    t.integer('target_value').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
  });
  await knex.raw(`ALTER TABLE indicator_targets ADD CONSTRAINT indicator_targets_indicator_check
    CHECK (indicator IN ('court_users', 'citizen_guardian_cases'))`);
  await knex.raw(`ALTER TABLE indicator_targets ADD CONSTRAINT indicator_targets_years_check
    CHECK (baseline_year BETWEEN 2000 AND 2100 AND target_year BETWEEN 2000 AND 2100 AND target_year > baseline_year)`);
  await knex.raw(`ALTER TABLE indicator_targets ADD CONSTRAINT indicator_targets_values_check
    CHECK (baseline_value >= 0 AND target_value >= 0)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('indicator_targets');
}
