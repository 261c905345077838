import { Knex } from 'knex';

/** 本人: one record per person, shared by every programme. Never a My Number. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('persons', (t) => {
    t.increments('id');
    t.text('name').notNullable();
    t.text('name_kana').notNullable();
    t.specificType('kana_key', 'text COLLATE "C"').notNullable();
    t.date('birth_date');
    t.integer('sex_id').references('code_entries.id');
    t.integer('ward_id').references('wards.id');
    t.text('address');
    t.text('phone');
    t.text('phone_digits');
    t.integer('condition_id').references('code_entries.id');
    t.integer('handbook_type_id').references('code_entries.id');
    t.text('handbook_grade');
    t.integer('care_level_id').references('code_entries.id');
    t.text('living');
    t.text('welfare_status');
    t.integer('guardianship_type_id').references('code_entries.id');
    t.text('guardian_name');
    t.integer('guardian_relation_id').references('code_entries.id');
    t.text('notes');
    t.integer('merged_into_id').references('persons.id');
    t.timestamp('merged_at', { useTz: true });
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by').references('users.id');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by').references('users.id');
  });
  await knex.raw(`ALTER TABLE persons ADD CONSTRAINT persons_living_check CHECK (living IS NULL OR living IN ('在宅','施設'))`);
  await knex.raw(`ALTER TABLE persons ADD CONSTRAINT persons_welfare_check CHECK (welfare_status IS NULL OR welfare_status IN ('受給中','申請中','受給していない','不明'))`);
  await knex.raw(`ALTER TABLE persons ADD CONSTRAINT persons_merge_check CHECK (merged_into_id IS NULL OR merged_into_id <> id)`);
  // kana_key: the kana without spaces, in code-point order (C collation), so a prefix
  // search and the keyset page both walk one index.
  await knex.raw('CREATE INDEX persons_kana_keyset ON persons (kana_key, id) WHERE merged_into_id IS NULL');
  await knex.raw('CREATE INDEX persons_kana_birth ON persons (kana_key, birth_date)');
  await knex.raw('CREATE INDEX persons_birth ON persons (birth_date)');
  await knex.raw('CREATE INDEX persons_ward ON persons (ward_id, kana_key, id)');
  await knex.raw('CREATE INDEX persons_phone ON persons (phone_digits)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('persons');
}
