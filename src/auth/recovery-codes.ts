import crypto from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
/** Crockford's base32: no I, L, O or U, so nothing is misread when typed from paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 80 random bits as 16 characters, shown as XXXX-XXXX-XXXX-XXXX. */
function newCode(): string {
  const bytes = crypto.randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.replace(/(.{4})(?=.)/g, '$1-');
}

export function generateRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: n }, newCode);
}

/** What the user typed, reduced to the 16 characters (case, hyphens, spaces, 全角 and O/I/L forgiven). */
export function normalizeRecoveryCode(input: string): string | null {
  const s = input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '')
    .replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(s) ? s : null;
}

/**
 * SHA-256 over a per-code random salt and the code. A slow hash (argon2) protects guessable
 * secrets such as passwords; these codes carry 80 random bits, so an offline search is out of
 * reach with a fast hash too, while checking a typed code against ten stored ones stays cheap
 * (ten argon2 runs per attempt would cost ~100 ms of CPU and 190 MiB, and could be used to
 * slow the server). The salt keeps equal codes (there are none in practice) from hashing alike.
 */
export function hashRecoveryCode(normalized: string, salt = crypto.randomBytes(16).toString('hex')): { salt: string; hash: string } {
  const hash = crypto.createHash('sha256').update(`${salt}:${normalized}`).digest('hex');
  return { salt, hash };
}

export function recoveryCodeMatches(normalized: string, salt: string, storedHash: string): boolean {
  const { hash } = hashRecoveryCode(normalized, salt);
  return crypto.timingSafeEqual(Buffer.from(hash, 'hex'), Buffer.from(storedHash, 'hex'));
}
