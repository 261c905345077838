import { Knex } from 'knex';

/**
 * One row per completed (or not-needed) stage. completed_on is null for historical stages
 * whose date is unknown (imported ledgers). The current stage is derived, never stored.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('petition_stages', (t) => {
    t.increments('id');
    t.integer('petition_id').notNullable().references('petitions.id').onDelete('CASCADE');
    t.integer('stage').notNullable();
    t.text('status').notNullable();
    t.date('completed_on');
    t.text('note');
    t.integer('recorded_by').references('users.id');
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['petition_id', 'stage']);
  });
  await knex.raw('ALTER TABLE petition_stages ADD CONSTRAINT petition_stages_stage_check CHECK (stage BETWEEN 1 AND 12)');
  await knex.raw(`ALTER TABLE petition_stages ADD CONSTRAINT petition_stages_status_check CHECK (status IN ('done','not_needed','historical'))`);
  await knex.raw(`ALTER TABLE petition_stages ADD CONSTRAINT petition_stages_date_check CHECK ((status = 'historical') OR completed_on IS NOT NULL)`);
  await knex.raw(`ALTER TABLE petition_stages ADD CONSTRAINT petition_stages_note_check CHECK (status <> 'not_needed' OR length(coalesce(note, '')) > 0)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('petition_stages');
}
