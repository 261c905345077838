import 'dotenv/config';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/knex';
import { migrate } from '../src/db/migrate';
import { generateVolume } from './volume/generate';
import { generatePetitions } from './volume/petitions';
import { generateSubsidies } from './volume/subsidies';
import { fiscalYearOf, todayIso } from '../src/lib/dates';

/**
 * `npm run seed:volume [-- --persons 100000 --consultations 1000000 --petitions 2000 --subsidies 1500 --years 10]`
 * Fills the configured database (DATABASE_URL or DATA_DIR) with realistic volume for benchmarks.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '100000' },
      consultations: { type: 'string', default: '1000000' },
      petitions: { type: 'string', default: '2000' },
      subsidies: { type: 'string', default: '1500' },
      years: { type: 'string', default: '10' },
      batch: { type: 'string', default: '50000' },
    },
  });
  const years = Number(values.years);
  const today = todayIso(new Date());
  const currentFy = fiscalYearOf(today);
  const database = await openDatabase(loadConfig());
  const started = Date.now();
  const progress = (line: string) => process.stdout.write(`${line}  (${((Date.now() - started) / 1000).toFixed(0)}秒)\n`);
  try {
    await migrate(database.db);
    await generateVolume(database.db, {
      persons: Number(values.persons), consultations: Number(values.consultations),
      firstFiscalYear: currentFy - years + 1, until: today, batch: Number(values.batch),
      progress,
    });
    const petitions = await generatePetitions(database.db, { petitions: Number(values.petitions), firstFiscalYear: currentFy - years + 1, until: today });
    progress(`市長申立て ${petitions.toLocaleString('ja-JP')}`);
    const subsidies = await generateSubsidies(database.db, { subsidies: Number(values.subsidies), firstFiscalYear: currentFy - years + 1, until: today });
    progress(`報酬助成 ${subsidies.toLocaleString('ja-JP')}`);
    process.stdout.write(`完了: ${((Date.now() - started) / 1000).toFixed(1)}秒 (${database.engine})\n`);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  process.stderr.write(`エラー: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
