import { Knex } from 'knex';

/**
 * 受任調整会議: a meeting (date, place, minutes; soft-deleted with a reason) and its attendees
 * (organisation from the attendee_org code list, role and name as typed), saved with the meeting.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('meetings', (t) => {
    t.increments('id');
    t.date('held_on').notNullable();
    t.text('place');
    t.text('minutes');
    t.timestamp('deleted_at', { useTz: true });
    t.text('deleted_reason');
    t.integer('deleted_by').references('users.id');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
  });
  await knex.raw('ALTER TABLE meetings ADD CONSTRAINT meetings_deleted_check CHECK ((deleted_at IS NULL) = (deleted_reason IS NULL))');
  await knex.raw('CREATE INDEX meetings_held ON meetings (held_on, id) WHERE deleted_at IS NULL');
  await knex.schema.createTable('meeting_attendees', (t) => {
    t.increments('id');
    t.integer('meeting_id').notNullable().references('meetings.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.integer('org_id').notNullable().references('code_entries.id');
    t.text('role');
    t.text('name');
    t.unique(['meeting_id', 'position']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('meeting_attendees');
  await knex.schema.dropTable('meetings');
}
