/** The real server and CLI as child processes (node on the compiled dist/, as `npm start` and `npm run cli` run them). */
import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { cliArgs, ROOT, SERVER_ARGS } from '../helpers/compiled-app';

const SESSION_SECRET = 'ops-test-secret-ops-test-secret-ops-test!';
const children = new Set<ChildProcess>();

/** A port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', HOST: '127.0.0.1',
    SESSION_SECRET, INITIAL_ADMIN_PASSWORD: 'first ops passphrase kumamoto 7', ...extra,
  };
}

function track(child: ChildProcess) {
  let output = '';
  child.stdout?.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { output += d.toString(); });
  children.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => { children.delete(child); resolve({ code, signal }); });
  });
  return { output: () => output, exited };
}

export interface ServerProcess {
  port: number;
  pid: number;
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the server without waiting for it (see waitListening). */
export function spawnServer(env: Record<string, string>, port: number): ServerProcess {
  const child = spawn(process.execPath, SERVER_ARGS, {
    cwd: ROOT, env: baseEnv({ ...env, PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { output, exited } = track(child);
  return { port, pid: child.pid!, child, output, exited };
}

/** Resolves once the server says it is listening; rejects (with its output) if it exits first or takes too long. */
export async function waitListening(server: ServerProcess, timeoutMs = 30_000): Promise<ServerProcess> {
  const started = Date.now();
  while (!server.output().includes(`http://localhost:${server.port} `)) {
    const early = await Promise.race([server.exited, new Promise<null>((r) => setTimeout(() => r(null), 50))]);
    if (early) throw new Error(`server exited (${early.code ?? early.signal}) before listening:\n${server.output()}`);
    if (Date.now() - started > timeoutMs) {
      server.child.kill('SIGKILL');
      throw new Error(`server did not listen within ${timeoutMs} ms:\n${server.output()}`);
    }
  }
  return server;
}

/** Starts the server and resolves once it says it is listening. */
export function startServer(env: Record<string, string>, port: number, timeoutMs = 30_000): Promise<ServerProcess> {
  return waitListening(spawnServer(env, port), timeoutMs);
}

/** `npm run cli -- …` as an operator runs it. */
export async function runCliProcess(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, cliArgs(args), { cwd: ROOT, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  children.add(child);
  const code = await new Promise<number | null>((resolve) => child.once('close', (c) => { children.delete(child); resolve(c); }));
  return { code, stdout, stderr };
}

/** Test teardown: no child outlives its test file (each is killed by its own pid). */
export function killChildren(): void {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
}

/** A line for whoever reads the test run (skips and measurements), outside jest's console capture. */
export function note(line: string): void {
  process.stderr.write(`[ops] ${line}\n`);
}

/** n servers started at the same moment on one database (each on its own port). */
export async function startServers(n: number, env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess[]> {
  const ports = await Promise.all(Array.from({ length: n }, freePort));
  const results = await Promise.allSettled(ports.map((port) => startServer(env, port, timeoutMs)));
  const failed = results.flatMap((r) => (r.status === 'rejected' ? [String((r.reason as Error).message ?? r.reason)] : []));
  if (failed.length > 0) throw new Error(`${failed.length} of ${n} servers did not start:\n${failed.join('\n---\n')}`);
  return results.map((r) => (r as PromiseFulfilledResult<ServerProcess>).value);
}

/** SIGTERM, then the exit code (0 when it shut down cleanly). */
export async function stopServer(server: ServerProcess): Promise<number | null> {
  server.child.kill('SIGTERM');
  return (await server.exited).code;
}
