import { Request } from 'express';
import { SecureRouter } from '../../http/routes';
import { flash } from '../../http/flash';
import { idParam, queryString } from '../../http/params';
import { NotFoundError } from '../../http/errors';
import { displayRows, fromForm, fromView } from './consultations-display';
import { findPickablePerson, isPersonSearch, pickedPerson } from '../persons';
import { editMode, FormMode, NEW_MODE, renderForm, renderPersonSearch } from './consultations-form';
import { Keep, loadFormOptions } from './consultations-options';
import { ConsultationView, findConsultation } from './consultations-queries';
import { consultationEditSchema, consultationSchema } from './consultations-schema';
import { createConsultation, updateConsultation } from './consultations-service';
import { validateConsultation } from './consultations-validate';
import { pairedRows, renderConflictPage } from '../../http/conflict';
import { today } from '../../http/today';

export const ID = ':consultationId';

export async function loadConsultation(req: Request): Promise<ConsultationView> {
  const c = await findConsultation(req.deps.db, idParam(req, 'consultationId'));
  if (!c) throw new NotFoundError();
  return c;
}

const keepOf = (c: ConsultationView): Keep => ({
  category_id: c.category_id, ward_id: c.ward_id, referral_center_id: c.referral_center_id, staff_id: c.staff_id,
  method_id: c.method_id, consultee_id: c.consultee_id, age_band_id: c.age_band_id, sex_id: c.sex_id, condition_id: c.condition_id,
});

/** A new record's defaults: today, the current user as staff, and the linked person's ward / sex / condition. */
async function newDefaults(req: Request, staffIds: number[]): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = { consulted_on: today(req) };
  if (staffIds.includes(req.user!.id)) values.staff_id = req.user!.id;
  const person = await pickedPerson(req.deps.db, queryString(req, 'person_id'));
  if (person) Object.assign(values, { person_id: person.id, ward_id: person.ward_id, sex_id: person.sex_id, condition_id: person.condition_id });
  return values;
}

/** The entry form (GET /consultations/new, POST /consultations) and the edit form. */
export function entryRoutes(r: SecureRouter): void {
  r.get('/consultations/new', 'consultations:write', async (req, res) => {
    const opts = await loadFormOptions(req.deps.db);
    await renderForm(req, res, NEW_MODE, opts, await newDefaults(req, opts.staff.map((s) => s.id)));
  });

  r.post('/consultations', 'consultations:write', async (req, res) => {
    const body = req.body ?? {};
    const opts = await loadFormOptions(req.deps.db);
    if (isPersonSearch(body)) return renderPersonSearch(req, res, NEW_MODE, opts, body);
    const form = await validateConsultation(req.deps.db, consultationSchema, body, opts, today(req));
    if (!form.ok) return renderForm(req, res, NEW_MODE, opts, body, 400, form);
    const id = await createConsultation(req, form.data);
    flash(req, `相談記録を登録しました（記録番号 ${id}）。`);
    res.redirect(303, `/consultations/${id}`);
  });

  r.get(`/consultations/${ID}/edit`, 'consultations:write', async (req, res) => {
    const c = await loadConsultation(req);
    await renderForm(req, res, editMode(c.id), await loadFormOptions(req.deps.db, keepOf(c)), { ...c });
  });

  r.post(`/consultations/${ID}`, 'consultations:write', async (req, res) => {
    const c = await loadConsultation(req);
    const mode: FormMode = editMode(c.id);
    const body = req.body ?? {};
    const opts = await loadFormOptions(req.deps.db, keepOf(c));
    if (isPersonSearch(body)) return renderPersonSearch(req, res, mode, opts, body);
    const form = await validateConsultation(req.deps.db, consultationEditSchema, body, opts, today(req));
    if (!form.ok) return renderForm(req, res, mode, opts, body, 400, form);
    if (!(await updateConsultation(req, c.id, form.data.version, form.data))) {
      const current = await findConsultation(req.deps.db, c.id);
      if (!current) throw new NotFoundError();
      const person = form.data.person_id ? ((await findPickablePerson(req.deps.db, form.data.person_id)) ?? null) : null;
      return renderConflictPage(res, {
        backHref: `/consultations/${c.id}/edit`,
        rows: pairedRows(displayRows(fromForm(form.data, opts, person)), displayRows(fromView(current))),
      });
    }
    flash(req, '相談記録を保存しました。');
    res.redirect(303, `/consultations/${c.id}`);
  });
}
