/**
 * Seeds the database the browser journeys run against, before the server starts (a PGlite data
 * directory can be open in one process only). Run with tsx, the same DATA_DIR / DATABASE_URL as
 * the server; prints the seeded ids as one JSON line on stdout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/knex';
import { migrate } from '../../src/db/migrate';
import { systemClock } from '../../src/clock';
import { createLogger } from '../../src/logger';
import { importCommands } from '../../src/cli/import-command';
import { makeUser } from '../helpers/factories';
import { E2E_USERS, PETITIONS_CSV, SeedResult } from './seed-data';
import { seedDays } from './seed-days';
import { seedFullRecord } from './seed-records';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const { db } = database;
  const log: string[] = [];
  try {
    await migrate(db);
    const manager = await makeUser(db, { role: 'manager', username: E2E_USERS.manager, twoFactor: true });
    await makeUser(db, { role: 'manager', username: E2E_USERS.figuresManager, twoFactor: true });
    const staff = await makeUser(db, { role: 'staff', username: E2E_USERS.staff });
    await makeUser(db, { role: 'ward', ward: '東区', username: E2E_USERS.east });
    await makeUser(db, { role: 'manager', username: E2E_USERS.subsidyManager, twoFactor: true });
    await makeUser(db, { role: 'ward', ward: '南区', username: E2E_USERS.south });
    await makeUser(db, { role: 'manager', username: E2E_USERS.dayManager, twoFactor: true });

    // The petitions arrive the way an operator moves a ledger in: the import command.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kk-e2e-csv-')), 'petitions.csv');
    fs.writeFileSync(file, PETITIONS_CSV);
    const ctx = { db, database, clock: systemClock, config, log: createLogger('silent'), out: (s: string) => log.push(s), err: (s: string) => log.push(s) };
    const code = await importCommands.import.run(['petitions', file], ctx);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    if (code !== 0) throw new Error(`petitions import failed: ${log.join('\n')}`);
    const petitionIn = async (ward: string) => (await db('petitions').join('wards', 'wards.id', 'petitions.ward_id')
      .where('wards.name', ward).first('petitions.id')).id as number;

    // A consultation to edit in two tabs, in a fiscal year the recording journey does not count.
    const category = await db('consultation_categories').where({ name: '制度説明' }).first('id');
    const [row] = await db('consultations').insert({
      consulted_on: '2024-06-03', category_id: category.id, staff_id: staff.id, content: '二つのタブで編集する相談',
    }).returning('id');

    await seedDays(db, staff.id);

    const result: SeedResult = {
      managerId: manager.id, eastPetitionId: await petitionIn('東区'), northPetitionId: await petitionIn('北区'), conflictConsultationId: row.id,
      full: await seedFullRecord(db, staff.id),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
