import { Knex } from 'knex';

/**
 * Second factor: one TOTP secret per enrolled user (with the last accepted time-step, so a
 * code is accepted once) and their one-time recovery codes (hashed; used_at marks a used one).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('user_totp', (t) => {
    t.integer('user_id').primary().references('users.id').onDelete('CASCADE');
    t.text('secret').notNullable();
    t.integer('last_step');
    t.timestamp('enrolled_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('user_recovery_codes', (t) => {
    t.increments('id');
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('salt').notNullable();
    t.text('code_hash').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('used_at', { useTz: true });
    t.index(['user_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('user_recovery_codes');
  await knex.schema.dropTable('user_totp');
}
