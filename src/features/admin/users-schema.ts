import { z } from 'zod';
import { FieldErrors } from '../../http/forms';
import { idField, requiredText, versionField } from '../../http/schema-fields';
import { ROLES } from '../../policy';

export const USER_MESSAGES = {
  username: 'ユーザー名は半角英数字と . _ - で3〜64文字で入力してください',
  usernameTaken: 'このユーザー名は既に使われています',
  displayName: '表示名は50文字以内で入力してください',
  role: '役割を選択してください',
  ward: '区役所職員には担当の区を選択してください',
  wardNotAllowed: '区を指定できるのは区役所職員だけです',
  version: '画面を開き直してください',
} as const;

const base = z.object({
  display_name: requiredText('表示名', 50),
  role: z.enum(ROLES, { error: USER_MESSAGES.role }),
  // a select: blank or anything but an id reads as no ward (wardRule then says whether one was needed)
  ward_id: idField(USER_MESSAGES.ward).catch(null),
});

/** A ward user has a ward, no one else does (checked with the other errors: see parseForm's rule). */
export function wardRule(v: Partial<{ role: string; ward_id: number | null }>): FieldErrors {
  if (v.role === undefined) return {};
  if (v.role === 'ward' && !v.ward_id) return { ward_id: USER_MESSAGES.ward };
  if (v.role !== 'ward' && v.ward_id) return { ward_id: USER_MESSAGES.wardNotAllowed };
  return {};
}

export const userCreateSchema = base
  .extend({
    username: requiredText('ユーザー名', 200, USER_MESSAGES.username).refine((v) => /^[A-Za-z0-9._-]{3,64}$/.test(v), USER_MESSAGES.username),
    password: z.string().optional().default(''),
  });

export const userUpdateSchema = base
  .extend({ version: versionField });

export type UserCreateForm = z.infer<typeof userCreateSchema>;
export type UserUpdateForm = z.infer<typeof userUpdateSchema>;
