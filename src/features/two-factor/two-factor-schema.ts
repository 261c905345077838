import { z } from 'zod';
import { isTotpShaped, normalizeTotpInput } from '../../auth/totp';

export const TWO_FACTOR_MESSAGES = {
  codeFormat: '認証アプリに表示されている6桁の数字を入力してください',
  codeWrong: '確認コードが正しくありません。認証アプリに表示されている最新のコードを入力してください（時刻がずれていないかも確認してください）',
  passwordRequired: '現在のパスワードを入力してください',
  passwordWrong: '現在のパスワードが正しくありません',
} as const;

/** The code typed to confirm enrolment (全角 digits and spaces tolerated). */
export const enrolSchema = z.object({
  code: z.string({ error: TWO_FACTOR_MESSAGES.codeFormat })
    .transform(normalizeTotpInput)
    .refine(isTotpShaped, TWO_FACTOR_MESSAGES.codeFormat),
});

/** Turning one's own second factor off asks for the password again. */
export const disableSchema = z.object({
  password: z.string({ error: TWO_FACTOR_MESSAGES.passwordRequired }).min(1, TWO_FACTOR_MESSAGES.passwordRequired),
});

export type EnrolForm = z.infer<typeof enrolSchema>;
export type DisableForm = z.infer<typeof disableSchema>;
