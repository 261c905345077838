/**
 * The related-petition list of a form that picks a person (subsidy, meeting case), as JSON for the
 * page's script: choosing a person fills the list at once, the same choices the form would show
 * after a round trip. It names the person's petitions, so it is audited like a view of the person.
 */
import { Request, Response } from 'express';
import { Knex } from 'knex';
import type { SelectOption } from '../../contracts';
import { audit } from '../../audit/audit-writer';
import { queryString } from '../../http/params';
import { Access } from '../../policy';
import { SecureRouter } from '../../http/routes';
import { pickedPerson } from './person-pick';

/**
 * GET `path`?person_id=N with `access` (the form's own): { options }, or 404 for an id that
 * names no pickable person. Only for forms no ward user opens: the choices are not ward-scoped.
 */
export function petitionChoicesRoute(r: SecureRouter, path: string, access: Access,
  choices: (db: Knex, personId: number) => Promise<SelectOption[]>): void {
  r.get(path, access, async (req: Request, res: Response) => {
    const person = await pickedPerson(req.deps.db, queryString(req, 'person_id'));
    if (!person) {
      res.status(404).json({ options: [] });
      return;
    }
    const options = await choices(req.deps.db, person.id);
    await audit(req, 'person.petitions', 'person', person.id);
    res.json({ options });
  });
}
