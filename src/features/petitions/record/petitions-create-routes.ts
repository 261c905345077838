import { flash } from '../../../http/flash';
import { fieldError } from '../../../http/forms';
import { queryString } from '../../../http/params';
import { SecureRouter } from '../../../http/routes';
import { isPersonSearch, pickedPerson } from '../../persons';
import { renderNew, renderPersonSearch } from './petitions-form';
import { allowedFor, loadPetitionOptions } from '../petitions-options';

import { createSchema, PETITION_MESSAGES, validateRecord } from './petitions-schema';
import { createPetition } from './petitions-service';
import { today } from '../../../http/today';

/** GET /petitions/new (optionally ?person_id=) and POST /petitions: center staff open a petition. */
export function createRoutes(r: SecureRouter): void {
  r.get('/petitions/new', 'petitions:write', async (req, res) => {
    const o = await loadPetitionOptions(req.deps.db);
    const values: Record<string, unknown> = { urgency: '通常' };
    const person = await pickedPerson(req.deps.db, queryString(req, 'person_id'));
    if (person) Object.assign(values, { person_id: String(person.id), ward_id: person.ward_id ?? '' });
    await renderNew(req, res, o, values);
  });

  r.post('/petitions', 'petitions:write', async (req, res) => {
    const o = await loadPetitionOptions(req.deps.db);
    const body: Record<string, unknown> = { ...(req.body ?? {}) };
    if (isPersonSearch(body)) return renderPersonSearch(req, res, o, body);
    const person = await pickedPerson(req.deps.db, body.person_id);
    // The ward defaults to the person's ward at intake.
    if (person && !body.ward_id && person.ward_id) body.ward_id = String(person.ward_id);
    const form = validateRecord(createSchema(allowedFor(o)), body, today(req));
    if (!form.ok) return renderNew(req, res, o, body, 400, form);
    if (!person) return renderNew(req, res, o, body, 400, fieldError('person_id', PETITION_MESSAGES.person));
    const id = await createPetition(req, form.data);
    flash(req, `市長申立てを登録しました（番号 ${id}）。`);
    res.redirect(303, `/petitions/${id}`);
  });
}
