import { Knex } from 'knex';
import { generatePassword, hashPassword } from '../src/auth/passwords';
import { newTotpSecret } from '../src/auth/totp';
import { insertUser } from '../src/auth/users-queries';

export interface ScanUser { username: string; password: string; totpSecret: string | null }
export interface ScanUsers { staff: ScanUser; manager: ScanUser }

/** A user that needs no password change at first login; with `totp`, enrolled in the second factor. */
async function createUser(db: Knex, username: string, role: 'staff' | 'manager', totp: boolean): Promise<ScanUser> {
  const password = generatePassword(24);
  const id = await insertUser(db, {
    username, display_name: `検査用 ${role}`, role, ward_id: null, password_hash: await hashPassword(password), must_change_password: false,
  }, null);
  if (!totp) return { username, password, totpSecret: null };
  const totpSecret = newTotpSecret();
  await db('user_totp').insert({ user_id: id, secret: totpSecret, last_step: null, enrolled_at: new Date() });
  return { username, password, totpSecret };
}

/**
 * The scanners run as center staff (the widest set of forms). A manager, who must use the
 * second factor, gives sqlmap the audit log's filters, which staff may not open.
 */
export async function createScanUsers(db: Knex): Promise<ScanUsers> {
  return {
    staff: await createUser(db, 'scan-staff', 'staff', false),
    manager: await createUser(db, 'scan-manager', 'manager', true),
  };
}
