import { Knex } from 'knex';

/**
 * The cases (件) a meeting discusses: the person (and petition, if any), the needs, the recommended
 * guardian type, the candidate, the reasons, the candidate's answer, the date sent to the family
 * court and, later, the type the court appointed (both types from the guardian_kind code list).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('meeting_cases', (t) => {
    t.increments('id');
    t.integer('meeting_id').notNullable().references('meetings.id');
    t.integer('person_id').notNullable().references('persons.id');
    t.integer('petition_id').references('petitions.id');
    t.text('needs_summary');
    t.integer('recommended_type_id').notNullable().references('code_entries.id');
    t.text('candidate_name');
    t.text('reasons');
    t.text('candidate_accepted').notNullable().defaultTo('未定');
    t.date('sent_to_court_on');
    t.integer('appointed_type_id').references('code_entries.id');
    t.timestamp('deleted_at', { useTz: true });
    t.text('deleted_reason');
    t.integer('deleted_by').references('users.id');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
  });
  await knex.raw(`ALTER TABLE meeting_cases ADD CONSTRAINT meeting_cases_accepted_check CHECK (candidate_accepted IN ('可','否','未定'))`);
  await knex.raw('ALTER TABLE meeting_cases ADD CONSTRAINT meeting_cases_deleted_check CHECK ((deleted_at IS NULL) = (deleted_reason IS NULL))');
  await knex.raw('CREATE INDEX meeting_cases_meeting ON meeting_cases (meeting_id, id) WHERE deleted_at IS NULL');
  await knex.raw('CREATE INDEX meeting_cases_person ON meeting_cases (person_id)');
  await knex.raw('CREATE INDEX meeting_cases_petition ON meeting_cases (petition_id) WHERE petition_id IS NOT NULL');
  await knex.raw('CREATE INDEX meeting_cases_types ON meeting_cases (recommended_type_id, appointed_type_id) WHERE deleted_at IS NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('meeting_cases');
}
