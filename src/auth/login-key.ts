import crypto from 'node:crypto';
import { Knex } from 'knex';

/**
 * The one normal form of a typed user name, used for the lookup and for counting attempts alike
 * (JS toLowerCase and PostgreSQL lower() disagree outside ASCII: 'İ'). User names are ASCII, so
 * a key with anything else names no user.
 */
export function loginKey(typed: string): string {
  return typed.normalize('NFKC').trim().toLowerCase();
}

const SECRET_NAME = 'unknown-name-hash';
let cached: { db: Knex; key: string } | null = null;

/** The installation's key for hashing names no user has; made once, kept in app_secrets. */
async function hashKey(db: Knex): Promise<string> {
  if (cached?.db === db) return cached.key;
  await db('app_secrets').insert({ name: SECRET_NAME, value: crypto.randomBytes(32).toString('hex') }).onConflict('name').ignore();
  const row = await db('app_secrets').where({ name: SECRET_NAME }).first('value');
  cached = { db, key: row.value };
  return row.value;
}

/**
 * What the audit log and the counters keep of a name no user has: a keyed hash, so repeated
 * guesses of one name can be told apart without storing what was typed (it may be a password).
 */
export async function unknownNameMarker(db: Knex, typed: string): Promise<string> {
  const mac = crypto.createHmac('sha256', await hashKey(db)).update(loginKey(typed)).digest('hex');
  return `?${mac.slice(0, 16)}`;
}
