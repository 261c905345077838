import { Knex } from 'knex';

/**
 * 報酬助成: one application per court fee decision (報酬付与の審判). It moves 受付 → 審査 → 決定
 * (承認 / 却下) → 支払. The monthly caps applied (those in force on the period's first day) are
 * kept with the record, so its working reads the same after the master changes.
 * Imported past records may lack what the ledgers never held (guardian name, 受付日, reason).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('subsidies', (t) => {
    t.increments('id');
    t.integer('person_id').notNullable().references('persons.id');
    t.integer('petition_id').references('petitions.id');
    t.integer('ward_id').notNullable().references('wards.id');
    t.text('guardian_name');
    t.integer('guardian_relation_id').notNullable().references('code_entries.id');
    t.text('petition_type').notNullable();
    t.date('received_on');
    t.date('court_decided_on').notNullable();
    t.text('case_number');
    t.date('period_from').notNullable();
    t.date('period_to').notNullable();
    t.integer('fee_awarded_yen').notNullable();
    t.integer('home_months').notNullable().defaultTo(0);
    t.integer('facility_months').notNullable().defaultTo(0);
    t.integer('home_cap_yen').notNullable();
    t.integer('facility_cap_yen').notNullable();
    t.text('eligibility');
    t.text('funding_line').notNullable();
    t.integer('granted_yen');
    t.text('status').notNullable().defaultTo('受付');
    t.text('decision');
    t.text('decision_reason');
    t.date('decided_on');
    t.text('decision_number');
    t.text('payee');
    t.date('paid_on');
    t.timestamp('deleted_at', { useTz: true });
    t.integer('deleted_by').references('users.id');
    t.text('deleted_reason');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
  });
  const check = (name: string, sql: string) => knex.raw(`ALTER TABLE subsidies ADD CONSTRAINT subsidies_${name}_check CHECK (${sql})`);
  await check('petition_type', `petition_type IN ('市長','本人','親族')`);
  await check('eligibility', `eligibility IS NULL OR eligibility IN ('生活保護','中国残留邦人等支援給付','市長が認める者')`);
  await check('funding_line', `funding_line IN ('高齢','障がい')`);
  await check('status', `status IN ('受付','審査','決定','支払')`);
  await check('decision', `(decision IS NULL) = (status IN ('受付','審査')) AND (decision IS NULL OR decision IN ('承認','却下'))`);
  await check('paid', `(status = '支払') = (paid_on IS NOT NULL) AND (status <> '支払' OR decision = '承認')`);
  await check('decided_on', `(decision IS NULL) = (decided_on IS NULL)`);
  await check('period', 'period_to >= period_from');
  await check('amounts', `fee_awarded_yen >= 0 AND home_months >= 0 AND facility_months >= 0
    AND COALESCE(granted_yen, 0) >= 0 AND home_cap_yen >= 0 AND facility_cap_yen >= 0`);
  await check('granted', 'granted_yen IS NULL OR granted_yen <= fee_awarded_yen');
  await knex.raw('CREATE INDEX subsidies_person ON subsidies (person_id, period_from)');
  await knex.raw('CREATE INDEX subsidies_petition ON subsidies (petition_id)');
  await knex.raw('CREATE INDEX subsidies_list ON subsidies (id) WHERE deleted_at IS NULL');
  await knex.raw('CREATE INDEX subsidies_ward ON subsidies (ward_id, id) WHERE deleted_at IS NULL');
  await knex.raw('CREATE INDEX subsidies_status ON subsidies (status, decision, id) WHERE deleted_at IS NULL');
  await knex.raw('CREATE INDEX subsidies_funding ON subsidies (funding_line, id) WHERE deleted_at IS NULL');
  // the yearly table and the fiscal-year filter: approved decisions by date and funding line
  await knex.raw(`CREATE INDEX subsidies_decided ON subsidies (decided_on, funding_line, granted_yen) WHERE deleted_at IS NULL`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('subsidies');
}
