import { Knex } from 'knex';

/** 市長申立て: one person, one ward (the person's ward at intake), twelve stages. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('petitions', (t) => {
    t.increments('id');
    t.integer('person_id').notNullable().references('persons.id');
    t.integer('ward_id').notNullable().references('wards.id');
    t.integer('legal_basis_id').references('code_entries.id');
    t.text('reason');
    t.text('reason_note');
    t.text('urgency').notNullable().defaultTo('通常');
    t.text('referral_source');
    t.integer('type_sought_id').references('code_entries.id');
    t.date('survey_visit_on');
    t.text('person_wishes');
    t.text('diagnosis');
    t.text('doctor_name');
    t.date('medical_certificate_on');
    t.text('capacity_opinion');
    t.integer('meeting_case_id');
    t.text('matching_recommendation');
    t.date('approved_on');
    t.text('approval_number');
    t.date('filed_on');
    t.text('case_number');
    t.integer('fee_filing_yen');
    t.integer('fee_registration_yen');
    t.integer('fee_postage_yen');
    t.integer('fee_appraisal_yen');
    t.date('decided_on');
    t.integer('decision_type_id').references('code_entries.id');
    t.text('guardian_name');
    t.integer('guardian_relation_id').references('code_entries.id');
    t.boolean('supervisor_appointed');
    t.date('finalized_on');
    t.date('registered_on');
    t.text('close_kind');
    t.text('close_reason');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
  });
  await knex.raw(`ALTER TABLE petitions ADD CONSTRAINT petitions_reason_check CHECK (reason IS NULL OR reason IN ('親族なし','親族拒否','虐待','その他'))`);
  await knex.raw(`ALTER TABLE petitions ADD CONSTRAINT petitions_urgency_check CHECK (urgency IN ('通常','緊急'))`);
  await knex.raw(`ALTER TABLE petitions ADD CONSTRAINT petitions_close_check CHECK (close_kind IS NULL OR close_kind IN ('完了','取下げ','却下'))`);
  await knex.raw(`ALTER TABLE petitions ADD CONSTRAINT petitions_fees_check CHECK (
    COALESCE(fee_filing_yen, 0) >= 0 AND COALESCE(fee_registration_yen, 0) >= 0 AND
    COALESCE(fee_postage_yen, 0) >= 0 AND COALESCE(fee_appraisal_yen, 0) >= 0)`);
  await knex.raw('CREATE INDEX petitions_ward ON petitions (ward_id, id)');
  await knex.raw('CREATE INDEX petitions_person ON petitions (person_id)');
  await knex.raw('CREATE INDEX petitions_filed ON petitions (filed_on, ward_id)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('petitions');
}
