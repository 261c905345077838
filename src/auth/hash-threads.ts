import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export type HashJob = { op: 'hash'; plain: string; options: object } | { op: 'verify'; stored: string; plain: string };

/** The thread's own code: a plain JavaScript file beside this one (in src/ and in dist/ alike). */
const WORKER_FILE = path.join(__dirname, 'hash-worker.js');

/** How much lower than the process the hashing threads run (Linux nice, added to the process's own). */
const NICE = 10;
/** At most cores − 1 hashes run at once: one core always stays for the requests. */
export const HASH_THREADS = Math.max(1, os.availableParallelism() - 1);

interface Pending { resolve: (v: unknown) => void; reject: (e: Error) => void }
/** A thread and the job it is working on (0: idle). */
interface Slot { worker: Worker; job: number }

const slots: Slot[] = [];
const queue: { id: number; job: HashJob }[] = [];
const pending = new Map<number, Pending>();
let nextId = 1;

function settle(id: number, outcome: { value?: unknown; error?: string | Error }): void {
  const p = pending.get(id);
  pending.delete(id);
  if (!p) return;
  if (outcome.error === undefined) p.resolve(outcome.value);
  else p.reject(outcome.error instanceof Error ? outcome.error : new Error(outcome.error));
}

function spawn(): Slot {
  const worker = new Worker(WORKER_FILE, { workerData: { nice: NICE } });
  const slot: Slot = { worker, job: 0 };
  worker.on('message', ({ id, value, error }: { id: number; value?: unknown; error?: string }) => {
    slot.job = 0;
    settle(id, { value, error });
    pump();
  });
  worker.on('error', (error) => {
    // a crashed thread fails its job and is replaced when the next one comes
    slots.splice(slots.indexOf(slot), 1);
    settle(slot.job, { error });
    pump();
  });
  return slot;
}

function pump(): void {
  while (queue.length) {
    let slot = slots.find((s) => !s.job);
    if (!slot && slots.length < HASH_THREADS) slots.push((slot = spawn()));
    if (!slot) break;
    const next = queue.shift()!;
    slot.job = next.id;
    slot.worker.postMessage(next);
  }
  // an idle thread must not keep a CLI command or a test run alive
  for (const s of slots) {
    if (s.job) s.worker.ref();
    else s.worker.unref();
  }
}

/** Runs one argon2 job on a low-priority thread; jobs beyond the pool's size wait their turn. */
export function runHashJob<T>(job: HashJob): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    queue.push({ id, job });
    pump();
  });
}

/** Stops the threads (waiting jobs fail); the next job starts new ones. For tests and shutdown. */
export async function closeHashThreads(): Promise<void> {
  const stopping = slots.splice(0);
  const stopped = new Error('hashing stopped');
  for (const { id } of queue.splice(0)) settle(id, { error: stopped });
  for (const { job } of stopping) settle(job, { error: stopped });
  await Promise.all(stopping.map((s) => s.worker.terminate()));
}
