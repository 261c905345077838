import { Knex } from 'knex';

/** The per-failure rows and name-keyed locks gave way to login_attempts (counted before checking). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.dropTable('account_locks');
  await knex.schema.dropTable('login_failures');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_failures', (t) => {
    t.bigIncrements('id');
    t.text('username').notNullable();
    t.text('ip').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    t.index(['username', 'at']);
    t.index(['ip', 'at']);
  });
  await knex.schema.createTable('account_locks', (t) => {
    t.text('username').primary();
    t.timestamp('locked_until', { useTz: true }).notNullable();
  });
}
