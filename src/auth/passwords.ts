import crypto from 'node:crypto';
import os from 'node:os';
import { hash, verify } from '@node-rs/argon2';

/** OWASP argon2id: m = 19 MiB, t = 2, p = 1. */
const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2 runs on libuv's worker threads; a burst of logins would take every core from the
 * requests of people already working. At most cores − 1 hashes run at once.
 */
const MAX_PARALLEL = Math.max(1, os.availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  // a finishing hash hands its slot straight to the next waiter, so the count never overshoots
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(plain: string): Promise<string> {
  return limited(() => hash(plain, ARGON2));
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await limited(() => verify(stored, plain));
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
