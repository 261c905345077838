import { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('subsidy_caps', (t) => {
    t.increments('id');
    t.text('setting').notNullable();
    t.integer('monthly_yen').notNullable();
    t.date('valid_from').notNullable();
    t.date('valid_to');
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by');
    t.index(['setting', 'valid_from']);
  });
  await knex.raw(`ALTER TABLE subsidy_caps ADD CONSTRAINT subsidy_caps_setting_check
    CHECK (setting IN ('在宅','施設'))`);
  await knex.raw(`ALTER TABLE subsidy_caps ADD CONSTRAINT subsidy_caps_amount_check CHECK (monthly_yen >= 0)`);
  await knex.raw(`ALTER TABLE subsidy_caps ADD CONSTRAINT subsidy_caps_period_check
    CHECK (valid_to IS NULL OR valid_to >= valid_from)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('subsidy_caps');
}
