/** Stops the journeys' server (always: jest runs this after failures too) and shows any error it logged. */
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.kkE2eServer;
  if (!server) return;
  globalThis.kkE2eServer = undefined;
  await server.stop();
  const errors = server.output().split('\n').filter((line) => /"level":(50|60)/.test(line));
  if (errors.length > 0) process.stderr.write(`e2e: the server logged errors:\n${errors.join('\n')}\n`);
}
