import { SecureRouter } from '../../http/routes';
import { importKindRoutes } from '../imports';
import { subsidiesImport } from './import/subsidies-import';
import { listRoutes } from './subsidies-list';
import { pdfRoutes, showRoutes } from './flow/subsidies-show-routes';
import { petitionChoicesRoute, isPersonSearch, pickedPerson } from '../persons';
import { petitionChoices, allowedFor, loadSubsidyOptions } from './subsidies-options';
import { flash } from '../../http/flash';
import { queryString } from '../../http/params';
import { renderNew, renderPersonSearch, renderConflict, renderEdit, loadSubsidy, subsidyId } from './subsidies-page';
import { prepareSave } from './subsidies-validate';
import { createSchema, editSchema } from './subsidies-form';
import { createSubsidy, EDITABLE_STATUSES, updateSubsidy } from './subsidies-service';
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

const LOCKED = 'この申請は決定済みのため編集できません。';

/** The record form (center staff) while the application is 受付 or 審査; decided ones are kept as decided. */
export function editRoutes(r: SecureRouter): void {
  r.get('/subsidies/:subsidyId/edit', 'subsidies:write', async (req, res) => {
    const id = subsidyId(req);
    const [s, o] = await Promise.all([loadSubsidy(req, id), loadSubsidyOptions(req.deps.db)]);
    if (!EDITABLE_STATUSES.includes(s.status)) {
      flash(req, LOCKED, 'error');
      return res.redirect(303, `/subsidies/${id}`);
    }
    await renderEdit(req, res, s, o, { ...s, granted_yen: s.granted_yen ?? '' });
  });

  r.post('/subsidies/:subsidyId', 'subsidies:write', async (req, res) => {
    const id = subsidyId(req);
    const { db } = req.deps;
    const [s, o] = await Promise.all([loadSubsidy(req, id), loadSubsidyOptions(db)]);
    const petitions = await petitionChoices(db, s.person_id);
    const next = await prepareSave(req, o, editSchema(allowedFor(o, s, petitions)), s.person_id, id);
    if (next.show) return renderEdit(req, res, s, o, req.body ?? {}, next.status, next.extra);
    const result = await updateSubsidy(req, id, next.data.version, next.data, next.overlapConfirmed);
    if (result === 'conflict') return renderConflict(req, res, id, next.data);
    flash(req, result === 'ok' ? '報酬助成の申請を保存しました。' : LOCKED, result === 'ok' ? 'success' : 'error');
    res.redirect(303, `/subsidies/${id}`);
  });
}

/**
 * 報酬助成: list, import, new, the application page with its steps, the record form and the
 * decision notice. Ids only match digits (others fall through with next('route')), and the import
 * is registered first, so '/subsidies/import' and '/subsidies/new' are never taken for an id.
 * Ward users hold no subsidies permission: every route answers them 403.
 */
export function subsidiesRoutes(r: SecureRouter): void {
  r.router.param('subsidyId', (_req, _res, next, value: string) => {
    next(/^\d{1,9}$/.test(value) ? undefined : 'route');
  });
  importKindRoutes(r, subsidiesImport);
  listRoutes(r);
  createRoutes(r);
  // choosing the person on the form fills its related-petition list (public/js/app.js)
  petitionChoicesRoute(r, '/subsidies/petition-choices', 'subsidies:write',
    async (db, personId) => (await petitionChoices(db, personId)).map((c) => ({ value: c.id, label: c.label })));
  pdfRoutes(r);
  showRoutes(r);
  editRoutes(r);
}
