import { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('referral_centers', (t) => {
    t.increments('id');
    t.text('kind').notNullable();
    t.text('name').notNullable().unique();
    t.integer('sort_order').notNullable().defaultTo(0);
    t.timestamp('retired_at', { useTz: true });
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by');
  });
  await knex.raw(`ALTER TABLE referral_centers ADD CONSTRAINT referral_centers_kind_check
    CHECK (kind IN ('ささえりあ','障がい者相談支援センター','その他'))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('referral_centers');
}
