import { Request, Response } from 'express';
import { audit } from '../../audit/audit-writer';
import { NotFoundError } from '../../http/errors';
import { renderFormPage, Rerender } from '../../http/forms';
import { idParam } from '../../http/params';
import { can } from '../../policy';
import { staffPersonSummary } from '../persons';
import { working } from './subsidies-cap';
import { displayValue, FIELD_GROUPS } from './subsidies-fields';
import { loadSubsidyOptions } from './subsidies-options';
import { findSubsidy, overlapping } from './subsidies-queries';
import { EDITABLE_STATUSES } from './subsidies-service';
import { statusLabel } from './subsidies-values';
import { today } from '../../http/today';

/** The application id in the path (digits only; the router sends anything else on). */
export const subsidyId = (req: Request) => idParam(req, 'subsidyId');

/** The live application, or 404 (deleted ones too). */
export async function loadSubsidy(req: Request, id: number) {
  const s = await findSubsidy(req.deps.db, id);
  if (!s) throw new NotFoundError();
  return s;
}

/**
 * The application page: the person, the record with the cap's working, other applications whose
 * period overlaps, and the step forms this user may use. Every rendering is audited as a view.
 */
export async function renderSubsidy(req: Request, res: Response, id: number, status = 200, extra: Rerender = {}) {
  const { db } = req.deps;
  const s = await loadSubsidy(req, id);
  const [o, person, overlaps] = await Promise.all([
    loadSubsidyOptions(db), staffPersonSummary(db, s.person_id), overlapping(db, s.person_id, s.period_from, s.period_to, s.id),
  ]);
  await audit(req, 'subsidy.view', 'subsidy', id);
  const values = { decided_on: today(req), paid_on: today(req), payee: s.payee ?? s.guardian_name ?? '', decision: '承認' };
  renderFormPage(res, 'subsidies/show', {
    s, person, personLink: can(req.user, 'persons:read'), overlaps, statusText: statusLabel(s), working: working(s),
    groups: FIELD_GROUPS.map((g) => ({ legend: g.legend, rows: g.fields.map((f) => ({ label: f.label, value: displayValue(o, f, s[f.name]), name: f.name })) })),
    editable: EDITABLE_STATUSES.includes(s.status), canWrite: can(req.user, 'subsidies:write'), canDecide: can(req.user, 'subsidies:decide'),
    values,
  }, extra, status);
}
