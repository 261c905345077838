import { Request, Response } from 'express';
import { flash } from '../../../http/flash';
import { fieldError, FormErrors, renderFormPage } from '../../../http/forms';
import { queryString } from '../../../http/params';
import { SecureRouter } from '../../../http/routes';
import { isPersonSearch, pickedPerson } from '../../persons';
import { displayValue, FIELD_GROUPS, FIELDS, MOTIVES_LABEL, motivesText, PetitionValues } from '../petitions-fields';
import { formChoices, renderNew, renderPersonSearch } from './petitions-form';
import { allowedFor, Held, loadPetitionOptions, PetitionOptions } from '../petitions-options';
import { loadPetition, scopedId } from './petitions-page';
import { motiveIdsOf, PetitionRow } from './petitions-queries';
import { createSchema, EditForm, editSchema, PETITION_MESSAGES, validateRecord } from './petitions-schema';
import { createPetition, updatePetition } from './petitions-service';
import { recordedStages } from '../stages/petitions-stage-service';
import { conflictRows, renderConflictPage } from '../../../http/conflict';
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

const held = (p: PetitionRow, motiveIds: number[]): Held => ({
  ward_id: p.ward_id, legal_basis_id: p.legal_basis_id, type_sought_id: p.type_sought_id, decision_type_id: p.decision_type_id,
  guardian_relation_id: p.guardian_relation_id, motive_ids: motiveIds,
});

function renderEdit(res: Response, p: PetitionRow, o: PetitionOptions, h: Held, values: Record<string, unknown>, status = 200, e?: FormErrors) {
  const raw = values.motive_ids;
  const motiveIds = (Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]).map(String);
  renderFormPage(res, 'petitions/edit', { p, values, motiveIds, choices: formChoices(o, h), groups: FIELD_GROUPS }, e, status);
}

/** Both versions side by side, as labels: what was typed and what is saved now. */
async function renderConflict(req: Request, res: Response, id: number, mine: EditForm, o: PetitionOptions) {
  const current = await loadPetition(req, id);
  const theirsMotives = await motiveIdsOf(req.deps.db, req.user!, id);
  const rows = conflictRows(FIELDS, (f) => f.label, (f) => displayValue(o, f, mine[f.name as keyof PetitionValues]), (f) => displayValue(o, f, current[f.name]));
  rows.push({ label: MOTIVES_LABEL, mine: motivesText(o, mine.motive_ids), theirs: motivesText(o, theirsMotives) });
  renderConflictPage(res, { backHref: `/petitions/${id}/edit`, rows });
}

/** The record form (center staff): every field incl. the stage-specific ones and the ward. */
export function editRoutes(r: SecureRouter): void {
  r.get('/petitions/:petitionId/edit', 'petitions:write', async (req, res) => {
    const id = await scopedId(req);
    const [p, o, motiveIds] = await Promise.all([loadPetition(req, id), loadPetitionOptions(req.deps.db), motiveIdsOf(req.deps.db, req.user!, id)]);
    renderEdit(res, p, o, held(p, motiveIds), { ...p, motive_ids: motiveIds });
  });

  r.post('/petitions/:petitionId', 'petitions:write', async (req, res) => {
    const id = await scopedId(req);
    const [p, o, motiveIds] = await Promise.all([loadPetition(req, id), loadPetitionOptions(req.deps.db), motiveIdsOf(req.deps.db, req.user!, id)]);
    const h = held(p, motiveIds);
    const form = validateRecord(editSchema(allowedFor(o, h)), req.body, today(req), await recordedStages(req.deps.db, id));
    if (!form.ok) return renderEdit(res, p, o, h, req.body ?? {}, 400, form);
    const result = await updatePetition(req, id, form.data as EditForm, o);
    if (result === 'conflict') return renderConflict(req, res, id, form.data as EditForm, o);
    flash(req, result === 'ok' ? '申立ての記録を保存しました。' : 'この申立ては見つかりませんでした。', result === 'ok' ? 'success' : 'error');
    res.redirect(303, result === 'ok' ? `/petitions/${id}` : '/petitions');
  });
}
