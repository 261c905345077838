import 'dotenv/config';
import http from 'node:http';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { openDatabase } from './db/knex';
import { migrate } from './db/migrate';
import { systemClock } from './clock';
import { createApp } from './app';
import { ensureInitialAdmin } from './auth/bootstrap';

const SHUTDOWN_LIMIT_MS = 10_000;

/** start: config → database → migrate → listen; SIGTERM finishes in-flight requests, then closes the database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config);
  const deps = { db: database.db, config, clock: systemClock, log };
  // One lock for all one-time start-up work: instances starting together run it one at a time.
  await migrate(database.db, { log, thenUnderLock: () => ensureInitialAdmin(deps, (line) => process.stdout.write(`${line}\n`)) });
  const { app, sessionStore } = createApp(deps);
  const server = http.createServer(app);
  const pruneTimer = setInterval(() => { sessionStore.prune().catch((err) => log.warn({ err }, 'session prune failed')); }, 10 * 60_000);
  pruneTimer.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  log.info({ port: config.port, engine: database.engine }, 'listening');
  if (config.trustProxy !== false && !['127.0.0.1', '::1', 'localhost'].includes(config.host)) {
    log.warn({ host: config.host }, 'TRUST_PROXY is set but the app listens beyond loopback: clients reaching it directly can forge X-Forwarded-For');
  }
  process.stdout.write(`熊本市成年後見支援センター システム: http://localhost:${config.port} (${database.engine})\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => { log.error('shutdown timed out'); process.exit(1); }, SHUTDOWN_LIMIT_MS);
    force.unref();
    clearInterval(pruneTimer);
    server.close(() => {
      database.close().then(() => process.exit(0), () => process.exit(1));
    });
    // Keep-alive connections idle between requests would hold close() open for their timeout:
    // close them as they fall idle, while in-flight requests finish.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 100).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`起動できませんでした: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
