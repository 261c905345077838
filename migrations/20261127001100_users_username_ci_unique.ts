import { Knex } from 'knex';

/** User names are unique regardless of letter case (login matches them case-insensitively). */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE UNIQUE INDEX users_username_lower_uq ON users (lower(username))');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX users_username_lower_uq');
}
