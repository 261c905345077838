import { Knex } from 'knex';
import { Db } from '../db/knex';
import { Role } from '../policy';
import { REQUIRED_KEY_PREFIX } from './two-factor-settings';
import { loginKey } from './login-key';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  ward_id: number | null;
  ward_name: string | null;
  password_hash: string;
  must_change_password: boolean;
  disabled_at: Date | null;
  last_login_at: Date | null;
  previous_login_at: Date | null;
  version: number;
  /** Has a confirmed TOTP second factor. */
  two_factor_enrolled: boolean;
  /** Their role must use a second factor (settings two_factor_required.<role>). */
  two_factor_required: boolean;
}

const COLUMNS = [
  'users.id', 'users.username', 'users.display_name', 'users.role', 'users.ward_id', 'wards.name as ward_name',
  'users.password_hash', 'users.must_change_password', 'users.disabled_at', 'users.last_login_at',
  'users.previous_login_at', 'users.version',
];

function base(db: Db | Knex.Transaction) {
  return db('users').leftJoin('wards', 'wards.id', 'users.ward_id').select([
    ...COLUMNS,
    db.raw('exists (select 1 from user_totp ut where ut.user_id = users.id) as two_factor_enrolled'),
    db.raw('coalesce((select s.int_value = 1 from settings s where s.key = ? || users.role), false) as two_factor_required', [REQUIRED_KEY_PREFIX]),
  ]);
}

/** By the typed name in its one normal form (login-key.ts); user names are ASCII, so lower() agrees. */
export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return base(db).whereRaw('lower(users.username) = ?', [loginKey(username)]).first();
}

export function findUserById(db: Db | Knex.Transaction, id: number): Promise<UserRow | undefined> {
  return base(db).where('users.id', id).first();
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return base(db).orderBy('users.username');
}

export async function recordLogin(db: Db, id: number, now: Date): Promise<void> {
  await db('users').where({ id }).update({ previous_login_at: db.ref('last_login_at'), last_login_at: now });
}

export interface NewUser {
  username: string;
  display_name: string;
  role: Role;
  ward_id: number | null;
  password_hash: string;
  must_change_password: boolean;
}

export async function insertUser(db: Db | Knex.Transaction, u: NewUser, actorId: number | null): Promise<number> {
  const [row] = await db('users').insert({ ...u, created_by: actorId, updated_by: actorId }).returning('id');
  return row.id;
}

export async function countUsers(db: Db): Promise<number> {
  const [{ n }] = await db('users').count({ n: '*' });
  return Number(n);
}
