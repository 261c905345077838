import { Knex } from 'knex';

/**
 * Past-year figures (過年度実績): what a manager entered for one yearly report and one fiscal year
 * before records exist. The values per row are in past_figure_values; this row carries the version.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('past_figure_sets', (t) => {
    t.increments('id');
    t.text('report_id').notNullable();
    t.integer('fiscal_year').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
    t.unique(['report_id', 'fiscal_year']);
  });
  await knex.raw(`ALTER TABLE past_figure_sets ADD CONSTRAINT past_figure_sets_report_check CHECK (report_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$')`);
  await knex.raw('ALTER TABLE past_figure_sets ADD CONSTRAINT past_figure_sets_year_check CHECK (fiscal_year BETWEEN 2000 AND 2100)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('past_figure_sets');
}
