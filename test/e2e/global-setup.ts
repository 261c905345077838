/** One server for every journey: seeded and started once, its address handed to the test files. */
import { E2eServer, startE2eServer } from './server';
import { ensureBuilt } from '../helpers/compiled-app';

declare global {
  var kkE2eServer: E2eServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  ensureBuilt(); // the journeys' servers run dist/, as npm start does
  const started = Date.now();
  const server = await startE2eServer();
  globalThis.kkE2eServer = server;
  process.env.KK_E2E_BASE_URL = server.baseUrl;
  process.env.KK_E2E_SEED = JSON.stringify(server.seed);
  process.stderr.write(`\ne2e: server at ${server.baseUrl} (seeded and started in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
