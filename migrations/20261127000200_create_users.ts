import { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.increments('id');
    t.text('username').notNullable().unique();
    t.text('display_name').notNullable();
    t.text('role').notNullable();
    t.integer('ward_id').references('wards.id');
    t.text('password_hash').notNullable();
    t.boolean('must_change_password').notNullable().defaultTo(false);
    t.timestamp('disabled_at', { useTz: true });
    t.timestamp('last_login_at', { useTz: true });
    t.timestamp('previous_login_at', { useTz: true });
    t.integer('version').notNullable().defaultTo(1);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('created_by');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('updated_by');
  });
  await knex.raw(`ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('admin','staff','ward','manager'))`);
  await knex.raw(`ALTER TABLE users ADD CONSTRAINT users_ward_check
    CHECK ((role = 'ward') = (ward_id IS NOT NULL))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('users');
}
