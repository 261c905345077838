import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app does it: SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;
const DIGITS = 6;
/** A code from one step before or after the current one is accepted (clock drift). */
const WINDOW = 1;
export const TOTP_ISSUER = '熊本市成年後見支援センター';

function totp(secret: string, label = '') {
  return new TOTP({
    issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** A new random secret: 160 bits (RFC 4226's recommendation), base32 (32 characters). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI the QR code carries. */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** The secret for typing by hand: groups of 4 (ABCD EFGH …). */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export function totpStep(at: Date): number {
  return TOTP.counter({ period: PERIOD, timestamp: at.getTime() });
}

/** The code for a moment (tests and the enrolment check use it). */
export function totpCode(secret: string, at: Date): string {
  return totp(secret).generate({ timestamp: at.getTime() });
}

/** Full-width digits and spaces a user may type are tolerated: "１２３ ４５６" → "123456". */
export function normalizeTotpInput(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '');
}

export const isTotpShaped = (code: string) => new RegExp(`^\\d{${DIGITS}}$`).test(code);

/**
 * The time-step a code belongs to, if it is valid within ±1 step of `at`; otherwise null.
 * The caller refuses a step not later than the last one accepted (no replay).
 */
export function matchTotpStep(secret: string, code: string, at: Date): number | null {
  if (!isTotpShaped(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp: at.getTime(), window: WINDOW });
  return delta === null ? null : totpStep(at) + delta;
}
