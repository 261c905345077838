import { Knex } from 'knex';

/** One count per 類型 (code list guardianship_type) of a court_user_years row. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('court_user_counts', (t) => {
    t.integer('year_id').notNullable().references('court_user_years.id').onDelete('CASCADE');
    t.integer('type_id').notNullable().references('code_entries.id');
    t.integer('count').notNullable();
    t.primary(['year_id', 'type_id']);
  });
  await knex.raw('ALTER TABLE court_user_counts ADD CONSTRAINT court_user_counts_count_check CHECK (count >= 0)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('court_user_counts');
}
