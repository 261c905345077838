/** Data for the annual report tests: the known FY2023 consultations and generated petitions over 2018–2025. */
import { Knex } from 'knex';
import { insertKnownConsultations } from '../reports/known-data';
import { generate, insertAll, loadMasters } from '../petitions-outputs/petition-data';

export async function insertAnnualData(db: Knex): Promise<void> {
  await insertKnownConsultations(db);
  await insertAll(db, generate(await loadMasters(db), 60, 17));
}

/** Superagent parser keeping a binary body as a Buffer. */
export const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** A string as a literal inside a RegExp. */
export const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
