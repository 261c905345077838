import { Knex } from 'knex';

/**
 * Every import committed: its batch id (the preview's, or a new one from the same sequence for the
 * command line), the kind, the decoded text's hash and how many rows it stored. A file whose hash
 * is here was imported before.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('imported_batches', (t) => {
    t.integer('id').primary();
    t.text('kind').notNullable();
    t.text('content_hash').notNullable();
    t.integer('row_count').notNullable();
    t.integer('user_id').references('users.id');
    t.timestamp('imported_at', { useTz: true }).notNullable();
    t.index(['kind', 'content_hash']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('imported_batches');
}
