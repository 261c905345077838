import { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('consultation_categories', (t) => {
    t.increments('id');
    t.integer('parent_id').references('consultation_categories.id');
    t.text('name').notNullable();
    t.integer('sort_order').notNullable();
    t.timestamp('retired_at', { useTz: true });
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by');
  });
  await knex.raw(`CREATE UNIQUE INDEX consultation_categories_name_uq
    ON consultation_categories (COALESCE(parent_id, 0), name)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('consultation_categories');
}
