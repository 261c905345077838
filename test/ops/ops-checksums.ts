import { Knex } from 'knex';
import { publicTables } from '../../src/db/backup-stats';

const TABLE_SUM = "SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM public.?? t";
const AUDIT_SUM = `${TABLE_SUM} WHERE t.action NOT LIKE 'backup.%'`;

/**
 * Every table of the public schema as "rows md5": the md5 of its rows as text, in text order
 * (independent of physical order). The backup commands' own audit rows are left out: a
 * backup records itself after the dump, a restore after loading it.
 */
export async function tableChecksums(db: Knex): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await publicTables(db)) {
    const { rows } = await db.raw(table === 'audit_log' ? AUDIT_SUM : TABLE_SUM, [table]);
    out[table] = `${rows[0].n} ${rows[0].md5}`;
  }
  return out;
}

/** Each sequence's position (so the next insert after a restore cannot reuse an id). */
export async function sequencePositions(db: Knex): Promise<Record<string, string>> {
  const names: string[] = await db('information_schema.sequences').where({ sequence_schema: 'public' }).orderBy('sequence_name').pluck('sequence_name');
  const out: Record<string, string> = {};
  for (const name of names) {
    const { rows } = await db.raw('SELECT last_value, is_called FROM public.??', [name]);
    out[name] = `${rows[0].last_value} ${rows[0].is_called}`;
  }
  return out;
}
