import { Knex } from 'knex';

/** Stage 6 (受任調整) of a petition points at the meeting case whose recommendation completed it. */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('UPDATE petitions SET meeting_case_id = NULL WHERE meeting_case_id IS NOT NULL AND meeting_case_id NOT IN (SELECT id FROM meeting_cases)');
  await knex.raw('ALTER TABLE petitions ADD CONSTRAINT petitions_meeting_case_fk FOREIGN KEY (meeting_case_id) REFERENCES meeting_cases (id)');
  await knex.raw('CREATE INDEX petitions_meeting_case ON petitions (meeting_case_id) WHERE meeting_case_id IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX petitions_meeting_case');
  await knex.raw('ALTER TABLE petitions DROP CONSTRAINT petitions_meeting_case_fk');
}
