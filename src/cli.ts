import 'dotenv/config';
import { loadConfig } from './config';
import { openDatabase } from './db/knex';
import { migrate } from './db/migrate';
import { systemClock } from './clock';
import { createLogger } from './logger';
import { CliCommand, CliContext, CliError } from './cli/command';
import { userCommands } from './cli/user-commands';
import { exportCommands } from './cli/export-command';
import { importCommands } from './cli/import-command';
import { backupCommands } from './cli/backup-commands';

/** Operator commands: `npm run cli -- <command> [options]`. Same DATABASE_URL / DATA_DIR as the server. */
const COMMANDS: Record<string, CliCommand> = { ...userCommands, ...exportCommands, ...importCommands, ...backupCommands };

function usage(): string {
  return ['使い方: npm run cli -- <command> [options]', '', ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(14)} ${c.usage}`)].join('\n');
}

export async function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    err(usage());
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database.db);
    const ctx: CliContext = { db: database.db, database, clock: systemClock, config, log: createLogger('silent'), out, err };
    return await command.run(args, ctx);
  } catch (e) {
    if (e instanceof CliError) {
      err(e.message);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`))
    .then((code) => process.exit(code))
    .catch((e) => {
      process.stderr.write(`エラー: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}
