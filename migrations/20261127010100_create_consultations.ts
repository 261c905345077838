import { Knex } from 'knex';

/** 相談記録: one contact. Anonymous when person_id is null (age band / sex / condition kept here). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('consultations', (t) => {
    t.increments('id');
    t.date('consulted_on').notNullable();
    t.text('start_time');
    t.integer('duration_minutes');
    t.integer('method_id').references('code_entries.id');
    t.integer('consultee_id').references('code_entries.id');
    t.integer('category_id').notNullable().references('consultation_categories.id');
    t.integer('ward_id').references('wards.id');
    t.integer('person_id').references('persons.id');
    t.integer('age_band_id').references('code_entries.id');
    t.integer('sex_id').references('code_entries.id');
    t.integer('condition_id').references('code_entries.id');
    t.integer('referral_center_id').references('referral_centers.id');
    t.text('content');
    t.text('response');
    t.text('referral');
    t.date('follow_up_on');
    t.timestamp('follow_up_done_at', { useTz: true });
    t.integer('staff_id').references('users.id');
    t.timestamp('deleted_at', { useTz: true });
    t.text('deleted_reason');
    t.integer('deleted_by').references('users.id');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
  });
  await knex.raw(`ALTER TABLE consultations ADD CONSTRAINT consultations_time_check CHECK (start_time IS NULL OR start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`);
  await knex.raw('ALTER TABLE consultations ADD CONSTRAINT consultations_duration_check CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 1440)');
  await knex.raw('ALTER TABLE consultations ADD CONSTRAINT consultations_deleted_check CHECK ((deleted_at IS NULL) = (deleted_reason IS NULL))');
  await knex.raw('CREATE INDEX consultations_keyset ON consultations (consulted_on DESC, id DESC) WHERE deleted_at IS NULL');
  await knex.raw('CREATE INDEX consultations_tally ON consultations (consulted_on, category_id) WHERE deleted_at IS NULL');
  await knex.raw('CREATE INDEX consultations_person ON consultations (person_id, consulted_on)');
  await knex.raw('CREATE INDEX consultations_category ON consultations (category_id, consulted_on)');
  await knex.raw('CREATE INDEX consultations_ward ON consultations (ward_id, consulted_on)');
  await knex.raw('CREATE INDEX consultations_staff ON consultations (staff_id, consulted_on)');
  await knex.raw('CREATE INDEX consultations_method ON consultations (method_id, consulted_on)');
  await knex.raw('CREATE INDEX consultations_consultee ON consultations (consultee_id, consulted_on)');
  await knex.raw('CREATE INDEX consultations_follow_up ON consultations (follow_up_on) WHERE follow_up_on IS NOT NULL AND follow_up_done_at IS NULL AND deleted_at IS NULL');
  await knex.raw('CREATE INDEX consultations_deleted ON consultations (deleted_at) WHERE deleted_at IS NOT NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('consultations');
}
