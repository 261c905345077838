import { Request } from 'express';
import { audit } from '../../audit/audit-writer';
import { hashPassword, generatePassword } from '../../auth/passwords';
import { checkPassword } from '../../auth/password-policy';
import { findUserById, insertUser } from '../../auth/users-queries';
import { ANY_VERSION, inTransaction, updateVersioned } from '../../db/tx';
import { unlessTaken } from '../../db/unique';
import { destroyUserSessions } from '../../http/session-store';
import { clearAttempts } from '../../auth/throttle';
import { UserCreateForm, UserUpdateForm, USER_MESSAGES } from './users-schema';

export type CreateResult =
  | { ok: true; id: number; oneTimePassword: string | null }
  | { ok: false; field: string; message: string };

/** The indexes that make a user name taken; an admin in another tab may create the same name meanwhile. */
const USERNAME_INDEXES = ['users_username_unique', 'users_username_lower_uq'];

/** Creates a user; with no password given, a one-time one is generated. Either way it must be changed at first login. */
export async function createUser(req: Request, form: UserCreateForm): Promise<CreateResult> {
  const { db } = req.deps;
  const taken = await db('users').whereRaw('lower(username) = lower(?)', [form.username]).first('id');
  if (taken) return { ok: false, field: 'username', message: USER_MESSAGES.usernameTaken };
  const generated = form.password ? null : generatePassword();
  const password = form.password || generated!;
  const problem = checkPassword(password, form.username);
  if (problem) return { ok: false, field: 'password', message: problem };
  const hash = await hashPassword(password);
  const id = await unlessTaken(USERNAME_INDEXES, null, () => inTransaction(db, async (trx) => {
    const newId = await insertUser(trx, {
      username: form.username, display_name: form.display_name, role: form.role,
      ward_id: form.role === 'ward' ? form.ward_id : null, password_hash: hash, must_change_password: true,
    }, req.user!.id);
    await audit(req, 'user.create', 'user', newId, trx);
    return newId;
  }));
  if (id === null) return { ok: false, field: 'username', message: USER_MESSAGES.usernameTaken };
  return { ok: true, id, oneTimePassword: generated };
}

/** Role / ward / name change under optimistic locking; a role change ends the user's sessions. */
export async function updateUser(req: Request, id: number, form: UserUpdateForm): Promise<'ok' | 'conflict'> {
  const { db, clock } = req.deps;
  const before = await findUserById(db, id);
  const done = await inTransaction(db, async (trx) => {
    const ok = await updateVersioned(trx, 'users', id, form.version, {
      display_name: form.display_name, role: form.role, ward_id: form.role === 'ward' ? form.ward_id : null,
      updated_at: clock.now(), updated_by: req.user!.id,
    });
    if (ok) await audit(req, 'user.update', 'user', id, trx);
    return ok;
  });
  if (!done) return 'conflict';
  if (before && (before.role !== form.role || before.ward_id !== form.ward_id)) await destroyUserSessions(db, id);
  return 'ok';
}

/** Disabling kills the user's sessions at once; enabling lets them log in again. */
export async function setDisabled(req: Request, id: number, disabled: boolean): Promise<void> {
  const { db, clock } = req.deps;
  await inTransaction(db, async (trx) => {
    await updateVersioned(trx, 'users', id, ANY_VERSION, { disabled_at: disabled ? clock.now() : null, updated_at: clock.now(), updated_by: req.user!.id });
    await audit(req, disabled ? 'user.disable' : 'user.enable', 'user', id, trx);
    if (disabled) await trx('sessions').where({ user_id: id }).del();
  });
}

/** A new one-time password, forced to change at next login; existing sessions end and a login lock is lifted. */
export async function resetPassword(req: Request, id: number): Promise<string> {
  const { db, clock } = req.deps;
  const password = generatePassword();
  const hash = await hashPassword(password);
  await inTransaction(db, async (trx) => {
    await updateVersioned(trx, 'users', id, ANY_VERSION, { password_hash: hash, must_change_password: true, updated_at: clock.now(), updated_by: req.user!.id });
    await audit(req, 'user.password_reset', 'user', id, trx);
    await trx('sessions').where({ user_id: id }).del();
    await clearAttempts(trx, id);
  });
  return password;
}
