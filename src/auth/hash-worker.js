/**
 * One argon2 hashing thread (started by hash-threads.ts). Plain CommonJS, not TypeScript, so the
 * same file runs as it is from the sources (ts-jest, tsx) and from dist/ (copied by the build).
 * It lowers its own scheduling priority first: on Linux a nice value belongs to the calling
 * thread, so only the hashing slows down when the machine is busy, never the requests of
 * people already at work.
 */
const os = require('node:os');
const { parentPort, workerData } = require('node:worker_threads');
const argon2 = require('@node-rs/argon2');

try {
  os.setPriority(Math.min(19, os.getPriority() + workerData.nice));
} catch {
  /* not allowed here: run at normal priority */
}

parentPort.on('message', ({ id, job }) => {
  try {
    const value = job.op === 'hash' ? argon2.hashSync(job.plain, job.options) : argon2.verifySync(job.stored, job.plain);
    parentPort.postMessage({ id, value });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
