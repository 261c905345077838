import { Request, Response } from 'express';
import { flash } from '../../http/flash';
import { NotFoundError } from '../../http/errors';
import { idParam } from '../../http/params';
import { PersonRow } from './persons-fields';
import { findPerson } from './persons-queries';

/** The person named by :id, or 404. */
export async function loadPerson(req: Request): Promise<PersonRow> {
  const person = await findPerson(req.deps.db, idParam(req));
  if (!person) throw new NotFoundError();
  return person;
}

/** A merged record is history: it is not edited or merged again; its page says where its data went. */
export function refuseMerged(req: Request, res: Response, person: PersonRow): boolean {
  if (!person.merged_into_id) return false;
  flash(req, 'この記録は統合済みのため変更できません。統合先の記録を使ってください。', 'error');
  res.redirect(303, `/persons/${person.id}`);
  return true;
}
