import { Knex } from 'knex';

/**
 * Data migration: which roles must use a second factor (master data an admin edits on
 * /admin/masters/settings). One settings row per role, int_value 1 = required.
 * The four rows share one version: they are always saved together.
 */
const DEFAULTS: Record<string, number> = { admin: 1, manager: 1, staff: 0, ward: 0 };

export async function up(knex: Knex): Promise<void> {
  await knex('settings')
    .insert(Object.entries(DEFAULTS).map(([role, int_value]) => ({ key: `two_factor_required.${role}`, int_value })))
    .onConflict('key').ignore();
}

export async function down(knex: Knex): Promise<void> {
  await knex('settings').where('key', 'like', 'two_factor_required.%').del();
}
