import { Knex } from 'knex';
import { hashPassword } from '../../src/auth/passwords';
import { isTwoFactorRequired } from '../../src/auth/two-factor-settings';
import { Role } from '../../src/policy';

export const TEST_PASSWORD = 'correct horse battery staple 9';
/** The TOTP secret of every test user made with a second factor (loginAs answers its codes). */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
let cachedHash: Promise<string> | null = null;

let seq = 0;
/**
 * A user who can log in with TEST_PASSWORD (the hash is computed once per worker).
 * twoFactor: enrol with TEST_TOTP_SECRET; by default exactly when the settings require it for
 * the role (admin and manager as seeded), so such users are never held at the enrolment page.
 */
export async function makeUser(
  db: Knex,
  opts: { role: Role; ward?: string; username?: string; mustChange?: boolean; disabled?: boolean; twoFactor?: boolean },
): Promise<{ id: number; username: string; ward_id: number | null }> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const username = opts.username ?? `${opts.role}${++seq}`;
  const ward = opts.role === 'ward' ? await db('wards').where({ name: opts.ward ?? '東区' }).first('id') : null;
  const [row] = await db('users').insert({
    username, display_name: `テスト ${username}`, role: opts.role, ward_id: ward?.id ?? null,
    password_hash: await cachedHash, must_change_password: opts.mustChange ?? false,
    disabled_at: opts.disabled ? new Date() : null,
  }).returning(['id', 'ward_id']);
  if (opts.twoFactor ?? (await isTwoFactorRequired(db, opts.role))) {
    await db('user_totp').insert({ user_id: row.id, secret: TEST_TOTP_SECRET, last_step: null, enrolled_at: new Date() });
  }
  return { id: row.id, username, ward_id: row.ward_id };
}
