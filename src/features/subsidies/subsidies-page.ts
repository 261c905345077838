import { Request, Response } from 'express';
import { audit } from '../../audit/audit-writer';
import { NotFoundError } from '../../http/errors';
import { renderFormPage, Rerender } from '../../http/forms';
import { idParam } from '../../http/params';
import { can } from '../../policy';
import { staffPersonSummary, pickedPerson, searchForPick, PersonHit } from '../persons';
import { working, Working } from './subsidies-cap';
import { displayValue, FIELD_GROUPS, FIELDS, Kind, SUBSIDY_MESSAGES } from './subsidies-form';
import { loadSubsidyOptions, formChoices, Held, petitionChoices, type SubsidyOptions } from './subsidies-options';
import { findSubsidy, overlapping, OverlapRow, SubsidyRow } from './subsidies-queries';
import { EDITABLE_STATUSES } from './subsidies-service';
import { statusLabel } from './subsidies-values';
import { today } from '../../http/today';
import type { Choice } from '../../contracts';
import { ConflictRow, renderConflictPage } from '../../http/conflict';

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

/** Rendering the application form: new (with the person search) and edit, with the cap's working and any overlaps. */
export type FormExtra = Rerender & {
  working?: Working | null;
  overlaps?: OverlapRow[];
  candidates?: PersonHit[];
  searched?: string | null;
};


const common = (o: SubsidyOptions, held: Held, petitions: Choice[], values: Record<string, unknown>, extra: FormExtra) => ({
  values, choices: formChoices(o, held, petitions), working: extra.working ?? null, overlaps: extra.overlaps ?? [],
});

/** The new-application form: the chosen person (and their petitions), search candidates, the record fields. */
export async function renderNew(req: Request, res: Response, o: SubsidyOptions, values: Record<string, unknown>, status = 200, extra: FormExtra = {}) {
  const linked = await pickedPerson(req.deps.db, values.person_id);
  const petitions = await petitionChoices(req.deps.db, linked?.id ?? null);
  renderFormPage(res, 'subsidies/new', {
    ...common(o, {}, petitions, values, extra),
    linked, candidates: (extra.candidates ?? []).filter((c) => c.id !== linked?.id), searched: extra.searched ?? null,
  }, extra, status);
}

/** The edit form of an application that is not decided yet (it shows the record: audited as a view). */
export async function renderEdit(req: Request, res: Response, s: SubsidyRow, o: SubsidyOptions, values: Record<string, unknown>, status = 200, extra: FormExtra = {}) {
  const petitions = await petitionChoices(req.deps.db, s.person_id);
  await audit(req, 'subsidy.view', 'subsidy', s.id);
  renderFormPage(res, 'subsidies/edit', { s, ...common(o, s, petitions, values, extra) }, extra, status);
}

/** Re-renders the new form with the persons whose kana starts with what was typed. */
export async function renderPersonSearch(req: Request, res: Response, o: SubsidyOptions, body: Record<string, unknown>) {
  const found = await searchForPick(req, body, SUBSIDY_MESSAGES.searchKana);
  return renderNew(req, res, o, found.values, found.status, found.extra);
}

/** The conflict page of an application: what this user sent beside what is saved now. */
const STEP_FIELDS: [string, string, Kind][] = [
  ['decision', '決定', 'text'], ['decided_on', '決定日', 'date'], ['decision_number', '決定番号', 'text'], ['decision_reason', '却下の理由', 'text'],
  ['paid_on', '支払日', 'date'],
];

/** `mine`: the form's values by field name (record fields, or a step's fields such as decided_on). */
export async function renderConflict(req: Request, res: Response, id: number, mine: object, step: string | null = null) {
  const [current, o] = await Promise.all([findSubsidy(req.deps.db, id), loadSubsidyOptions(req.deps.db)]);
  const now = (current ?? {}) as Record<string, unknown>;
  const sent = mine as Record<string, unknown>;
  const rows: ConflictRow[] = [{ label: '状況', mine: step ?? (current ? statusLabel(current) : ''), theirs: current ? statusLabel(current) : '削除されています' }];
  for (const f of FIELDS) rows.push({ label: f.label, mine: displayValue(o, f, f.name in sent ? sent[f.name] : now[f.name]), theirs: displayValue(o, f, now[f.name]) });
  for (const [name, label, kind] of STEP_FIELDS) {
    rows.push({ label, mine: displayValue(o, { kind }, name in sent ? sent[name] : now[name]), theirs: displayValue(o, { kind }, now[name]) });
  }
  if (current) await audit(req, 'subsidy.view', 'subsidy', id);
  renderConflictPage(res, { backHref: current ? `/subsidies/${id}` : '/subsidies', rows });
}
