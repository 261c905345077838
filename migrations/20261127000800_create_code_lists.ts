import { Knex } from 'knex';

/** Official and local code lists (相談方法, 相談者, 開始原因 …): one row per entry. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('code_entries', (t) => {
    t.increments('id');
    t.text('list').notNullable();
    t.text('label').notNullable();
    t.integer('sort_order').notNullable();
    t.timestamp('retired_at', { useTz: true });
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by');
    t.unique(['list', 'label']);
    t.index(['list', 'sort_order']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('code_entries');
}
