import fs from 'node:fs';
import os from 'node:os';
import { hashPassword, verifyPassword } from '../../src/auth/passwords';

/** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/N/stat). */
function threadNiceValues(): number[] {
  return fs.readdirSync('/proc/self/task').map((t) => Number(fs.readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1].split(' ')[16]));
}

describe('password hashing threads', () => {
  it('hashes and verifies with argon2id', async () => {
    const stored = await hashPassword('正しいパスワード-123');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword(stored, '正しいパスワード-123')).resolves.toBe(true);
    await expect(verifyPassword(stored, '違うパスワード-123')).resolves.toBe(false);
  });

  it('answers false, not an error, for a malformed stored hash', async () => {
    await expect(verifyPassword('not-a-hash', 'x')).resolves.toBe(false);
  });

  it('runs many at once correctly, each with its own answer', async () => {
    const stored = await hashPassword('pw-a');
    const guesses = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 'pw-a' : `pw-${i}`));
    const results = await Promise.all(guesses.map((g) => verifyPassword(stored, g)));
    expect(results).toEqual(guesses.map((g) => g === 'pw-a'));
  });

  (os.platform() === 'linux' ? it : it.skip)('hashes on threads that run at a lower priority, leaving the main thread as it was', async () => {
    const main = threadNiceValues()[0];
    await Promise.all(['a', 'b', 'c', 'd'].map((p) => hashPassword(p)));
    const after = threadNiceValues();
    const lowered = after.filter((n) => n === main + 10).length;
    expect(lowered).toBeGreaterThanOrEqual(1);
    expect(lowered).toBeLessThanOrEqual(Math.max(1, os.availableParallelism() - 1)); // one core stays for requests
    expect(after[0]).toBe(main); // the main thread keeps its priority
  });
});
