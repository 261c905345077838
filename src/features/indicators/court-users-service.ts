/** Storing indicator 1's court counts: the year row and its counts in one transaction, audited. */
import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../audit/audit-writer';
import { inTransaction, updateVersioned } from '../../db/tx';

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

async function writeCounts(trx: Knex.Transaction, yearId: number, counts: Map<number, number>): Promise<void> {
  await trx('court_user_counts').where({ year_id: yearId }).del();
  const rows = [...counts].map(([type_id, count]) => ({ year_id: yearId, type_id, count }));
  if (rows.length) await trx('court_user_counts').insert(rows);
}

/** A new year; 'duplicate' when that year is already entered. */
export async function createCourtUserYear(req: Request, year: number, counts: Map<number, number>): Promise<{ id: number } | 'duplicate'> {
  const now = req.deps.clock.now();
  try {
    return await inTransaction(req.deps.db, async (trx) => {
      if (await trx('court_user_years').where({ year }).first('id')) return 'duplicate' as const;
      const [{ id }] = await trx('court_user_years')
        .insert({ year, created_at: now, created_by: req.user!.id, updated_at: now, updated_by: req.user!.id }).returning('id');
      await writeCounts(trx, id, counts);
      await audit(req, 'indicator.create', 'court_user_year', id, trx);
      return { id: id as number };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return 'duplicate';
    throw e;
  }
}

/** New counts for a year entered at `version`; 'conflict' when someone saved it since. */
export async function updateCourtUserYear(req: Request, id: number, version: number, counts: Map<number, number>): Promise<'ok' | 'conflict'> {
  return inTransaction(req.deps.db, async (trx) => {
    const ok = await updateVersioned(trx, 'court_user_years', id, version, { updated_at: req.deps.clock.now(), updated_by: req.user!.id });
    if (!ok) return 'conflict';
    await writeCounts(trx, id, counts);
    await audit(req, 'indicator.update', 'court_user_year', id, trx);
    return 'ok';
  });
}
