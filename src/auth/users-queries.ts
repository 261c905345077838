import { Knex } from 'knex';
import { Db } from '../db/knex';
import { Role } from '../policy';

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
}

const COLUMNS = [
  'users.id', 'users.username', 'users.display_name', 'users.role', 'users.ward_id', 'wards.name as ward_name',
  'users.password_hash', 'users.must_change_password', 'users.disabled_at', 'users.last_login_at',
  'users.previous_login_at', 'users.version',
];

function base(db: Db | Knex.Transaction) {
  return db('users').leftJoin('wards', 'wards.id', 'users.ward_id').select(COLUMNS);
}

export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return base(db).whereRaw('lower(users.username) = lower(?)', [username.trim()]).first();
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
