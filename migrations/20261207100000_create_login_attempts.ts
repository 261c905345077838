import { Knex } from 'knex';

/**
 * Login attempt counters, one row per subject ('user:<id>', 'name:<keyed hash>' for names no
 * user has, 'ip:<address>'). Each attempt is counted with one atomic upsert *before* the password
 * is checked, so parallel guesses on several instances can never check more than the limit.
 * app_secrets holds per-installation keys (the key of the unknown-name hash).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_attempts', (t) => {
    t.text('subject').primary();
    t.integer('attempts').notNullable();
    t.timestamp('window_start', { useTz: true }).notNullable();
    t.timestamp('locked_until', { useTz: true });
  });
  await knex.schema.createTable('app_secrets', (t) => {
    t.text('name').primary();
    t.text('value').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('app_secrets');
  await knex.schema.dropTable('login_attempts');
}
