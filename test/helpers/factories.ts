import { Knex } from 'knex';
import { hashPassword } from '../../src/auth/passwords';
import { Role } from '../../src/policy';

export const TEST_PASSWORD = 'correct horse battery staple 9';
let cachedHash: Promise<string> | null = null;

let seq = 0;
/** A user who can log in with TEST_PASSWORD (the hash is computed once per worker). */
export async function makeUser(
  db: Knex,
  opts: { role: Role; ward?: string; username?: string; mustChange?: boolean; disabled?: boolean },
): Promise<{ id: number; username: string; ward_id: number | null }> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const username = opts.username ?? `${opts.role}${++seq}`;
  const ward = opts.role === 'ward' ? await db('wards').where({ name: opts.ward ?? '東区' }).first('id') : null;
  const [row] = await db('users').insert({
    username, display_name: `テスト ${username}`, role: opts.role, ward_id: ward?.id ?? null,
    password_hash: await cachedHash, must_change_password: opts.mustChange ?? false,
    disabled_at: opts.disabled ? new Date() : null,
  }).returning(['id', 'ward_id']);
  return { id: row.id, username, ward_id: row.ward_id };
}
