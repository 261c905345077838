import { Knex } from 'knex';

/** フォローアップ研修: sessions (date, topic) and who attended; every attendance counts (延べ). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('guardian_followup_sessions', (t) => {
    t.increments('id');
    t.date('held_on').notNullable();
    t.text('title').notNullable();
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
    t.unique(['held_on', 'title']);
  });
  await knex.schema.createTable('guardian_followup_attendance', (t) => {
    t.integer('session_id').notNullable().references('guardian_followup_sessions.id').onDelete('CASCADE');
    t.integer('guardian_id').notNullable().references('citizen_guardians.id');
    t.primary(['session_id', 'guardian_id']);
    t.index(['guardian_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('guardian_followup_attendance');
  await knex.schema.dropTable('guardian_followup_sessions');
}
