import { Knex } from 'knex';

/**
 * Indicator 1 (成年後見制度利用者数): the family court's count for one calendar year (31 Dec stock),
 * entered by staff. The counts by 類型 are in court_user_counts; this row carries the version.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('court_user_years', (t) => {
    t.increments('id');
    t.integer('year').notNullable().unique();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
  });
  await knex.raw('ALTER TABLE court_user_years ADD CONSTRAINT court_user_years_year_check CHECK (year BETWEEN 2000 AND 2100)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('court_user_years');
}
