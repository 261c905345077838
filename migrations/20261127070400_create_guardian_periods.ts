import { Knex } from 'knex';

/**
 * バンク登録 and 法人後見協力員 as dated periods: a withdrawal (or the end of employment) closes
 * the period and keeps it, so the history stays and a later registration is a new period.
 * At most one open period of each kind per person.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('guardian_periods', (t) => {
    t.increments('id');
    t.integer('guardian_id').notNullable().references('citizen_guardians.id');
    t.text('kind').notNullable();
    t.date('started_on').notNullable();
    t.date('ended_on');
    t.text('end_reason');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
    t.index(['guardian_id', 'kind']);
  });
  await knex.raw(`ALTER TABLE guardian_periods ADD CONSTRAINT guardian_periods_kind_check CHECK (kind IN ('bank','cooperator'))`);
  await knex.raw('ALTER TABLE guardian_periods ADD CONSTRAINT guardian_periods_order_check CHECK (ended_on IS NULL OR ended_on >= started_on)');
  await knex.raw('CREATE UNIQUE INDEX guardian_periods_one_open ON guardian_periods (guardian_id, kind) WHERE ended_on IS NULL');
  // the year-end stock counts of the training table
  await knex.raw('CREATE INDEX guardian_periods_stock ON guardian_periods (kind, started_on, ended_on)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('guardian_periods');
}
