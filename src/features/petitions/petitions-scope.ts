import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../audit/audit-writer';
import { NotFoundError } from '../../http/errors';
import { Principal, wardScope } from '../../policy';

/**
 * Every petitions query starts here: a ward user's queries are limited to their ward in SQL,
 * not only in the view. `alias` is the petitions table alias used by the caller.
 */
export function scopedPetitions(db: Knex | Knex.Transaction, user: Principal, alias = 'p'): Knex.QueryBuilder {
  const q = db(`petitions as ${alias}`);
  const ward = wardScope(user);
  if (ward !== null) q.where(`${alias}.ward_id`, ward);
  return q;
}

/** Adds the ward limit to any query that joins petitions under `alias`. */
export function limitToWard<T extends Knex.QueryBuilder>(q: T, user: Principal, alias = 'p'): T {
  const ward = wardScope(user);
  if (ward !== null) q.where(`${alias}.ward_id`, ward);
  return q;
}

/**
 * The petition with this id if the user may see it. Another ward's petition answers 404
 * exactly like a missing one (its existence is not confirmed), and the attempt is audited.
 */
export async function petitionIdFor(req: Request, id: number, trx?: Knex.Transaction): Promise<number> {
  const db = trx ?? req.deps.db;
  const row = await db('petitions').where({ id }).first('id', 'ward_id');
  if (!row) throw new NotFoundError();
  const ward = wardScope(req.user!);
  if (ward !== null && row.ward_id !== ward) {
    await audit(req, 'petition.denied', 'petition', id);
    throw new NotFoundError();
  }
  return row.id;
}

/**
 * A child record (a relative) that is not under the petition in the path: 404. A ward user asking
 * for one whose petition is another ward's is reaching for that petition, so the attempt is
 * audited like petitionIdFor's; a wrong path within their own ward is no denial.
 */
export async function childNotFound(req: Request, table: 'petition_relatives', childId: number): Promise<never> {
  const ward = wardScope(req.user!);
  if (ward !== null) {
    const owner = await req.deps.db(`${table} as c`).join('petitions as p', 'p.id', 'c.petition_id')
      .where('c.id', childId).first('p.id', 'p.ward_id');
    if (owner && owner.ward_id !== ward) await audit(req, 'petition.denied', 'petition', owner.id);
  }
  throw new NotFoundError();
}
