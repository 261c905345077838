import { Knex } from 'knex';

/** 受任: a citizen guardian appointed by the court for a person (本人), with the 類型; ended_on once it ends. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('guardian_appointments', (t) => {
    t.increments('id');
    t.integer('guardian_id').notNullable().references('citizen_guardians.id');
    t.integer('person_id').notNullable().references('persons.id');
    t.date('appointed_on').notNullable();
    t.integer('guardianship_type_id').notNullable().references('code_entries.id');
    t.date('ended_on');
    t.text('end_reason');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
    t.index(['guardian_id']);
    t.index(['person_id']);
    // indicator 2: cases active in a fiscal year
    t.index(['appointed_on', 'ended_on']);
  });
  await knex.raw('ALTER TABLE guardian_appointments ADD CONSTRAINT guardian_appointments_order_check CHECK (ended_on IS NULL OR ended_on >= appointed_on)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('guardian_appointments');
}
