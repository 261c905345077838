import fs from 'node:fs';
import os from 'node:os';
import { hashPassword, verifyPassword } from '../../src/auth/passwords';
import { closeHashThreads } from '../../src/auth/hash-threads';

/** The nice value of each thread of this process, by thread id (Linux: field 19 of /proc/self/task/N/stat). */
function threadNiceValues(): Map<string, number> {
  return new Map(fs.readdirSync('/proc/self/task').map((t) => [t, Number(fs.readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1].split(' ')[16])]));
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
    await closeHashThreads(); // a fresh pool: its threads are the ones that appear now
    const main = os.getPriority();
    const before = threadNiceValues();
    await Promise.all(['a', 'b', 'c', 'd'].map((p) => hashPassword(p)));
    const added = [...threadNiceValues()].filter(([tid]) => !before.has(tid)).map(([, nice]) => nice);
    expect(added.length).toBeGreaterThanOrEqual(1);
    expect(added.length).toBeLessThanOrEqual(Math.max(1, os.availableParallelism() - 1)); // one core stays for requests
    expect(added).toEqual(added.map(() => Math.min(19, main + 10)));
    expect(os.getPriority()).toBe(main); // the main thread keeps its priority
  });

  it('stops its threads on close, failing the jobs not done, and starts anew on the next job', async () => {
    const outcomes = Promise.all(['x1', 'x2', 'x3'].map((p) => hashPassword(p).then(() => 'done', () => 'stopped')));
    await closeHashThreads();
    expect(await outcomes).toEqual(['stopped', 'stopped', 'stopped']);
    await expect(verifyPassword(await hashPassword('again'), 'again')).resolves.toBe(true);
  });
});
