import { Knex } from 'knex';

/**
 * 市民後見人 and trainees (domain.md §6): contact details and the 地域生活支援員 start date.
 * The other steps live in their own tables (course enrolments, follow-up attendance, bank and
 * 協力員 periods, appointments); the current status is derived from them, never stored.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('citizen_guardians', (t) => {
    t.increments('id');
    t.text('name').notNullable();
    t.text('name_kana').notNullable();
    t.specificType('kana_key', 'text COLLATE "C"').notNullable();
    t.date('birth_date').notNullable();
    t.text('address');
    t.text('phone');
    t.text('email');
    t.date('activity_started_on');
    t.text('notes');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
  });
  // matched by kana + birth date (follow-up imports, duplicates), listed in kana order
  await knex.raw('CREATE INDEX citizen_guardians_kana_birth ON citizen_guardians (kana_key, birth_date)');
  await knex.raw('CREATE INDEX citizen_guardians_activity ON citizen_guardians (activity_started_on)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('citizen_guardians');
}
