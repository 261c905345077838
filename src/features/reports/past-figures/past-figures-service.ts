/** Storing one fiscal year's past figures of a report: the set and its values in one transaction, audited. */
import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../../audit/audit-writer';
import { inTransaction, updateVersioned } from '../../../db/tx';
import { unlessTaken } from '../../../db/unique';

/**
 * Replaces the values of the form's rows (`keys`); values of rows the form no longer shows (a ward
 * retired since) are kept.
 */
async function writeValues(trx: Knex.Transaction, setId: number, keys: string[], values: Map<string, number>): Promise<void> {
  await trx('past_figure_values').where({ set_id: setId }).whereIn('row_key', keys).del();
  const rows = [...values].map(([row_key, value]) => ({ set_id: setId, row_key, value }));
  if (rows.length) await trx('past_figure_values').insert(rows);
}

export async function createFigureSet(req: Request, reportId: string, fy: number, keys: string[], values: Map<string, number>): Promise<'ok' | 'duplicate'> {
  const now = req.deps.clock.now();
  return unlessTaken(['past_figure_sets_report_id_fiscal_year_unique'], 'duplicate' as const, () => inTransaction(req.deps.db, async (trx) => {
    if (await trx('past_figure_sets').where({ report_id: reportId, fiscal_year: fy }).first('id')) return 'duplicate' as const;
    const [{ id }] = await trx('past_figure_sets').insert({
      report_id: reportId, fiscal_year: fy, created_at: now, created_by: req.user!.id, updated_at: now, updated_by: req.user!.id,
    }).returning('id');
    await writeValues(trx, id, keys, values);
    await audit(req, 'figures.create', 'past_figure_set', id, trx);
    return 'ok' as const;
  }));
}

export async function updateFigureSet(req: Request, setId: number, version: number, keys: string[], values: Map<string, number>): Promise<'ok' | 'conflict'> {
  return inTransaction(req.deps.db, async (trx) => {
    if (!(await updateVersioned(trx, 'past_figure_sets', setId, version, { updated_at: req.deps.clock.now(), updated_by: req.user!.id }))) return 'conflict';
    await writeValues(trx, setId, keys, values);
    await audit(req, 'figures.update', 'past_figure_set', setId, trx);
    return 'ok';
  });
}
