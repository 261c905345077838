import { Knex } from 'knex';

/**
 * One-time form tokens (the hidden `_form` field of create forms): the first POST carrying a
 * token claims it here; a repeat of the same token (a double click) is sent where the first
 * went (result_location) instead of creating a second record.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('form_submissions', (t) => {
    t.text('token').primary();
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.text('result_location');
    t.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('form_submissions');
}
