import { flash } from '../../http/flash';
import { queryString } from '../../http/params';
import { SecureRouter } from '../../http/routes';
import { isPersonSearch, pickedPerson } from '../persons';
import { renderNew, renderPersonSearch } from './subsidies-page';
import { allowedFor, loadSubsidyOptions, petitionChoices } from './subsidies-options';

import { prepareSave } from './subsidies-validate';
import { createSchema } from './subsidies-schema';
import { createSubsidy } from './subsidies-service';
import { today } from '../../http/today';

/** GET /subsidies/new (optionally ?person_id=) and POST /subsidies: center staff take in an application (受付). */
export function createRoutes(r: SecureRouter): void {
  r.get('/subsidies/new', 'subsidies:write', async (req, res) => {
    const o = await loadSubsidyOptions(req.deps.db);
    const values: Record<string, unknown> = { received_on: today(req), home_months: '0', facility_months: '0' };
    const person = await pickedPerson(req.deps.db, queryString(req, 'person_id'));
    if (person) Object.assign(values, { person_id: String(person.id), ward_id: person.ward_id ?? '' });
    await renderNew(req, res, o, values);
  });

  r.post('/subsidies', 'subsidies:write', async (req, res) => {
    const { db } = req.deps;
    const o = await loadSubsidyOptions(db);
    const body: Record<string, unknown> = { ...(req.body ?? {}) };
    if (isPersonSearch(body)) return renderPersonSearch(req, res, o, body);
    const person = await pickedPerson(db, body.person_id);
    // The ward defaults to the person's ward.
    if (person && !body.ward_id && person.ward_id) body.ward_id = String(person.ward_id);
    req.body = body;
    const petitions = await petitionChoices(db, person?.id ?? null);
    const next = await prepareSave(req, o, createSchema(allowedFor(o, {}, petitions)), person?.id ?? null, null);
    if (next.show) return renderNew(req, res, o, body, next.status, next.extra);
    const id = await createSubsidy(req, person!.id, next.data, next.overlapConfirmed);
    flash(req, `報酬助成の申請を受け付けました（番号 ${id}）。`);
    res.redirect(303, `/subsidies/${id}`);
  });
}
