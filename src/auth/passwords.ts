import crypto from 'node:crypto';
import { runHashJob } from './hash-threads';

/** OWASP argon2id: m = 19 MiB, t = 2, p = 1. */
const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return runHashJob<string>({ op: 'hash', plain, options: ARGON2 });
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await runHashJob<boolean>({ op: 'verify', stored, plain });
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Spends the same time as a real check, so an unknown user name cannot be told apart. */
export async function verifyAgainstDummy(plain: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, plain);
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
/** A strong random password (for the first admin and resets), free of look-alike characters. */
export function generatePassword(length = 16): string {
  const bytes = crypto.randomBytes(length);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}
