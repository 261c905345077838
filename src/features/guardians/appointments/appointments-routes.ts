import { Request, Response } from 'express';
import { audit } from '../../../audit/audit-writer';
import { NotFoundError } from '../../../http/errors';
import { flash } from '../../../http/flash';
import { fieldError, FormErrors, renderFormPage, Rerender } from '../../../http/forms';
import { idParam } from '../../../http/params';
import { SecureRouter } from '../../../http/routes';
import { toWareki } from '../../../lib/dates';
import { findPickablePerson, isPersonSearch, pickedPerson, searchForPick, PersonHit } from '../../persons';
import { APPOINTMENT_MESSAGES as M, appointmentEditSchema, appointmentSchema, validateAppointment } from './appointments-schema';
import { createAppointment, registeredOn, updateAppointment } from './appointments-service';
import { loadGuardian } from '../roster/guardians-page';
import { appointmentsQuery, AppointmentRow, GuardianRow } from '../roster/guardians-queries';
import { codeChoices } from '../../masters';
import { renderConflictPage } from '../../../http/conflict';
import { today } from '../../../http/today';

/** 類型: the four of the code list (任意後見 too: a citizen guardian may act under a contract); retired ones only when held. */
async function typeChoices(req: Request, held: number | null = null) {
  const offered = (await codeChoices(req.deps.db, 'guardianship_type')).filter((c) => !c.retired || c.id === held);
  return { options: offered.map((c) => ({ value: c.id, label: c.label })), ids: new Set(offered.map((c) => c.id)) };
}

async function renderNew(req: Request, res: Response, g: GuardianRow, values: Record<string, unknown>, status = 200,
  extra: { candidates?: PersonHit[]; searched?: string | null } & Rerender = {}) {
  const linked = await pickedPerson(req.deps.db, values.person_id);
  renderFormPage(res, 'guardians/appointment-new', {
    g, values, linked, types: (await typeChoices(req)).options,
    candidates: (extra.candidates ?? []).filter((c) => c.id !== linked?.id), searched: extra.searched ?? null,
  }, extra, status);
}

async function loadAppointment(req: Request, g: GuardianRow): Promise<AppointmentRow> {
  const a: AppointmentRow | undefined = await appointmentsQuery(req.deps.db).where('a.id', idParam(req, 'appointmentId')).where('a.guardian_id', g.id).first();
  if (!a) throw new NotFoundError();
  return a;
}

async function renderEdit(req: Request, res: Response, g: GuardianRow, a: AppointmentRow, values: Record<string, unknown>, status = 200, e?: FormErrors) {
  renderFormPage(res, 'guardians/appointment-edit', { g, a, values, types: (await typeChoices(req, a.guardianship_type_id)).options }, e, status);
}

const dateText = (v: string | null) => (v ? toWareki(v) : '');

/** 受任: a case linked to a person (searched by kana as on the petition form), and its later edit (the end). */
export function appointmentsRoutes(r: SecureRouter): void {
  r.get('/guardians/:guardianId/appointments/new', 'guardians:write', async (req, res) => renderNew(req, res, await loadGuardian(req), {}));

  r.post('/guardians/:guardianId/appointments', 'guardians:write', async (req, res) => {
    const g = await loadGuardian(req);
    const body: Record<string, unknown> = { ...(req.body ?? {}) };
    if (isPersonSearch(body)) {
      const found = await searchForPick(req, body, M.searchKana);
      return renderNew(req, res, g, found.values, found.status, found.extra);
    }
    const form = await validateAppointment(appointmentSchema((await typeChoices(req)).ids), body, today(req), {
      registered: (on) => registeredOn(req.deps.db, g.id, on),
      person: async (id) => (await findPickablePerson(req.deps.db, id)) !== undefined,
    });
    if (!form.ok) return renderNew(req, res, g, body, 400, form);
    const result = await createAppointment(req, g.id, form.data);
    if (result !== 'ok') return renderNew(req, res, g, body, 400, fieldError('appointed_on', M.notRegistered));
    flash(req, '受任を記録しました。');
    res.redirect(303, `/guardians/${g.id}#cases`);
  });

  r.get('/guardians/:guardianId/appointments/:appointmentId/edit', 'guardians:write', async (req, res) => {
    const g = await loadGuardian(req);
    const a = await loadAppointment(req, g);
    await audit(req, 'person.view', 'person', a.person_id);
    await renderEdit(req, res, g, a, { ...a });
  });

  r.post('/guardians/:guardianId/appointments/:appointmentId', 'guardians:write', async (req, res) => {
    const g = await loadGuardian(req);
    const a = await loadAppointment(req, g);
    const { ids, options } = await typeChoices(req, a.guardianship_type_id);
    const form = await validateAppointment(appointmentEditSchema(ids), req.body, today(req), { registered: (on) => registeredOn(req.deps.db, g.id, on) });
    if (!form.ok) return renderEdit(req, res, g, a, req.body ?? {}, 400, form);
    const result = await updateAppointment(req, g.id, a.id, form.data);
    if (result === 'not_registered') return renderEdit(req, res, g, a, req.body ?? {}, 400, fieldError('appointed_on', M.notRegistered));
    if (result === 'conflict') {
      const now = await loadAppointment(req, g);
      const label = (id: number) => options.find((o) => o.value === id)?.label ?? '';
      const f = form.data;
      const rows = [
        { label: '選任日', mine: dateText(f.appointed_on), theirs: dateText(now.appointed_on) },
        { label: '類型', mine: label(f.guardianship_type_id), theirs: now.type_label },
        { label: '終了日', mine: dateText(f.ended_on), theirs: dateText(now.ended_on) },
        { label: '終了の理由', mine: f.end_reason ?? '', theirs: now.end_reason ?? '' },
      ];
      return renderConflictPage(res, { backHref: `/guardians/${g.id}/appointments/${a.id}/edit`, rows });
    }
    flash(req, '受任の記録を保存しました。');
    res.redirect(303, `/guardians/${g.id}#cases`);
  });
}
