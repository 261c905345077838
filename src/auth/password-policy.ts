import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MESSAGES = {
  tooShort: 'パスワードは8文字以上で入力してください',
  tooLong: 'パスワードは128文字以内で入力してください',
  common: 'よく使われるパスワードのため使用できません。推測されにくいものにしてください',
  containsUsername: 'パスワードにユーザー名を含めることはできません',
} as const;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/**
 * NIST SP 800-63B style: 8–128 characters, no composition rules, not on a list of
 * common passwords, not containing the user name. Returns the message, or null if fine.
 */
export function checkPassword(password: string, username: string): string | null {
  const length = [...password].length;
  if (length < 8) return PASSWORD_MESSAGES.tooShort;
  if (length > 128) return PASSWORD_MESSAGES.tooLong;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return PASSWORD_MESSAGES.common;
  if (username && lower.includes(username.toLowerCase())) return PASSWORD_MESSAGES.containsUsername;
  return null;
}
