import { Knex } from 'knex';
import { Db } from '../db/knex';
import { ROLES, Role } from '../policy';

/** Settings rows `two_factor_required.<role>`, int_value 1 = the role must use a second factor. */
export const REQUIRED_KEY_PREFIX = 'two_factor_required.';
const keyOf = (role: Role) => `${REQUIRED_KEY_PREFIX}${role}`;

export interface RequiredRoles {
  roles: Role[];
  /** The rows are saved together; their highest version stands for the set (optimistic locking). */
  version: number;
}

export async function loadRequiredRoles(db: Db | Knex.Transaction): Promise<RequiredRoles> {
  const rows: { key: string; int_value: number | null; version: number }[] = await db('settings')
    .where('key', 'like', `${REQUIRED_KEY_PREFIX}%`).select('key', 'int_value', 'version');
  const required = new Set(rows.filter((r) => r.int_value === 1).map((r) => r.key));
  return {
    roles: ROLES.filter((role) => required.has(keyOf(role))),
    version: Math.max(1, ...rows.map((r) => r.version)),
  };
}

export async function isTwoFactorRequired(db: Db | Knex.Transaction, role: Role): Promise<boolean> {
  const row = await db('settings').where({ key: keyOf(role) }).first('int_value');
  return row?.int_value === 1;
}

/**
 * Saves which roles must use a second factor, if nobody saved since `version` was read.
 * Every role's row is written (a missing one is created) with the next version.
 */
export async function saveRequiredRoles(
  trx: Knex.Transaction, roles: Role[], version: number, actorId: number, now: Date,
): Promise<boolean> {
  const rows = await trx('settings').where('key', 'like', `${REQUIRED_KEY_PREFIX}%`).forUpdate().select('version');
  const current = Math.max(1, ...rows.map((r: { version: number }) => r.version));
  if (current !== version) return false;
  await trx('settings')
    .insert(ROLES.map((role) => ({
      key: keyOf(role), int_value: roles.includes(role) ? 1 : 0, version: current + 1, updated_at: now, updated_by: actorId,
    })))
    .onConflict('key').merge(['int_value', 'version', 'updated_at', 'updated_by']);
  return true;
}
