import { z } from 'zod';
import { ROLES } from '../../policy';

export const USER_MESSAGES = {
  username: 'ユーザー名は半角英数字と . _ - で3〜64文字で入力してください',
  usernameTaken: 'このユーザー名は既に使われています',
  displayName: '表示名を50文字以内で入力してください',
  role: '役割を選択してください',
  ward: '区役所職員には担当の区を選択してください',
  wardNotAllowed: '区を指定できるのは区役所職員だけです',
  version: '画面を開き直してください',
} as const;

const optionalInt = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : Number(v)),
  z.number().int().positive().nullable(),
);

const base = z.object({
  display_name: z.string({ error: USER_MESSAGES.displayName }).trim().min(1, USER_MESSAGES.displayName).max(50, USER_MESSAGES.displayName),
  role: z.enum(ROLES, { error: USER_MESSAGES.role }),
  ward_id: optionalInt.catch(null),
});

function wardRule<T extends { role: string; ward_id: number | null }>(v: T, ctx: z.RefinementCtx) {
  if (v.role === 'ward' && !v.ward_id) ctx.addIssue({ code: 'custom', path: ['ward_id'], message: USER_MESSAGES.ward });
  if (v.role !== 'ward' && v.ward_id) ctx.addIssue({ code: 'custom', path: ['ward_id'], message: USER_MESSAGES.wardNotAllowed });
}

export const userCreateSchema = base
  .extend({
    username: z.string({ error: USER_MESSAGES.username }).trim().regex(/^[A-Za-z0-9._-]{3,64}$/, USER_MESSAGES.username),
    password: z.string().optional().default(''),
  })
  .superRefine(wardRule);

export const userUpdateSchema = base
  .extend({ version: z.coerce.number({ error: USER_MESSAGES.version }).int().positive(USER_MESSAGES.version) })
  .superRefine(wardRule);

export type UserCreateForm = z.infer<typeof userCreateSchema>;
export type UserUpdateForm = z.infer<typeof userUpdateSchema>;
