/** Rendering the case form (new and edit): the person picked or searched, the person's petitions, the choices. */
import { Request, Response } from 'express';
import { renderFormPage, Rerender } from '../../../http/forms';
import { pickedPerson, searchForPick, PersonHit } from '../../persons';
import { ACCEPTED_LABELS, ACCEPTED_VALUES, choicesFor, MeetingOptions } from '../meetings-options';
import { MeetingRow } from '../meetings-queries';
import { bankGuardianChoices, guardianChoiceLabel, petitionChoices } from './meeting-cases-queries';
import { CASE_MESSAGES } from './meeting-cases-schema';

/** `heldGuardian`: the citizen guardian the stored case names (still offered if withdrawn from the bank since). */
export interface CaseFormMode { meeting: MeetingRow; caseId: number | null; action: string; title: string; heldGuardian: number | null }

export const newCaseMode = (m: MeetingRow): CaseFormMode =>
  ({ meeting: m, caseId: null, action: `/meetings/${m.id}/cases`, title: '検討案件の登録', heldGuardian: null });
export const editCaseMode = (m: MeetingRow, caseId: number, heldGuardian: number | null): CaseFormMode =>
  ({ meeting: m, caseId, action: `/meetings/${m.id}/cases/${caseId}`, title: `検討案件の編集（番号 ${caseId}）`, heldGuardian });

type Extra = Rerender & { candidates?: PersonHit[]; searched?: string | null };

/** An id from the form (a string) or from the stored record (a number). */

export async function renderCaseForm(req: Request, res: Response, mode: CaseFormMode, o: MeetingOptions, held: number[],
  values: Record<string, unknown>, status = 200, extra: Extra = {}) {
  const { db } = req.deps;
  const linked = await pickedPerson(db, values.person_id);
  const petitions = (await petitionChoices(db, linked?.id ?? null)).map((p) => ({ value: p.id, label: p.label }));
  const guardians = (await bankGuardianChoices(db, mode.heldGuardian)).map((g) => ({ value: g.id, label: guardianChoiceLabel(g) }));
  renderFormPage(res, 'meetings/case-form', {
    mode, values, linked, candidates: (extra.candidates ?? []).filter((c) => c.id !== linked?.id), searched: extra.searched ?? null,
    petitions, guardians, kindChoices: choicesFor(o.kinds, held), accepted: ACCEPTED_VALUES.map((v) => ({ value: v, label: ACCEPTED_LABELS[v] })),
  }, extra, status);
}

/** Re-renders the form with the persons whose kana starts with what was typed (the search is audited). */
export async function renderPersonSearch(req: Request, res: Response, mode: CaseFormMode, o: MeetingOptions, held: number[], body: Record<string, unknown>) {
  const found = await searchForPick(req, body, CASE_MESSAGES.searchKana);
  return renderCaseForm(req, res, mode, o, held, found.values, found.status, found.extra);
}
