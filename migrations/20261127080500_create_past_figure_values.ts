import { Knex } from 'knex';

/** One entered value per row of the report (row_key as the report declares it, e.g. 'ward_3', 'total'). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('past_figure_values', (t) => {
    t.integer('set_id').notNullable().references('past_figure_sets.id').onDelete('CASCADE');
    t.text('row_key').notNullable();
    t.integer('value').notNullable();
    t.primary(['set_id', 'row_key']);
  });
  await knex.raw(`ALTER TABLE past_figure_values ADD CONSTRAINT past_figure_values_key_check CHECK (row_key ~ '^[a-z0-9_]{1,40}$')`);
  await knex.raw('ALTER TABLE past_figure_values ADD CONSTRAINT past_figure_values_value_check CHECK (value >= 0)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('past_figure_values');
}
