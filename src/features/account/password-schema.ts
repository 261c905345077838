import { z } from 'zod';

export const PASSWORD_FORM_MESSAGES = {
  currentRequired: '現在のパスワードを入力してください',
  newRequired: '新しいパスワードを入力してください',
  mismatch: '確認用のパスワードが一致しません',
  currentWrong: '現在のパスワードが正しくありません',
  sameAsOld: '現在と異なるパスワードにしてください',
} as const;

export const passwordChangeSchema = z
  .object({
    current: z.string({ error: PASSWORD_FORM_MESSAGES.currentRequired }).min(1, PASSWORD_FORM_MESSAGES.currentRequired),
    password: z.string({ error: PASSWORD_FORM_MESSAGES.newRequired }).min(1, PASSWORD_FORM_MESSAGES.newRequired),
    confirm: z.string({ error: PASSWORD_FORM_MESSAGES.mismatch }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: PASSWORD_FORM_MESSAGES.mismatch });

export type PasswordChangeForm = z.infer<typeof passwordChangeSchema>;
