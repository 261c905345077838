import { Knex } from 'knex';

/**
 * A case's candidate may be a citizen guardian from the bank (市民後見人バンク登録者), beside or
 * instead of the free-text name. Dated after citizen_guardians is created, which it references.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('meeting_cases', (t) => {
    t.integer('candidate_guardian_id').references('citizen_guardians.id');
  });
  // the citizen guardian's page lists the cases naming them
  await knex.raw('CREATE INDEX meeting_cases_candidate_guardian ON meeting_cases (candidate_guardian_id) WHERE candidate_guardian_id IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('meeting_cases', (t) => {
    t.dropColumn('candidate_guardian_id');
  });
}
