import { Request, Response } from 'express';
import { renderFormPage, Rerender } from '../../../http/forms';
import { pickedPerson, searchForPick, PersonHit } from '../../persons';
import { FIELD_GROUPS, INTAKE_FIELDS, REASONS, URGENCIES } from '../petitions-fields';
import { offered, selectOptions } from '../../masters';
import { codeChoices, CodeSelect, CODE_SELECTS, Held, PetitionOptions } from '../petitions-options';
import { PETITION_MESSAGES } from './petitions-schema';

/** The select options and checklist each record field offers (active entries plus the record's own). */
export function formChoices(o: PetitionOptions, held: Held) {
  const codes = Object.fromEntries((Object.keys(CODE_SELECTS) as CodeSelect[])
    .map((f) => [f, selectOptions(offered(codeChoices(o, f), held[f]))]));
  const plain = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));
  return {
    ...codes,
    ward_id: selectOptions(offered(o.wards, held.ward_id)),
    reason: plain(REASONS),
    urgency: plain(URGENCIES),
    supervisor_appointed: [{ value: 'true', label: 'あり' }, { value: 'false', label: 'なし' }],
    motives: offered(o.lists.petition_motive, held.motive_ids),
  };
}

type Extra = Rerender & { candidates?: PersonHit[]; searched?: string | null };

/** The new-petition form: the chosen person, search candidates, and the intake fields. */
export async function renderNew(req: Request, res: Response, o: PetitionOptions, values: Record<string, unknown>, status = 200, extra: Extra = {}) {
  const linked = await pickedPerson(req.deps.db, values.person_id);
  renderFormPage(res, 'petitions/new', {
    values, linked, candidates: (extra.candidates ?? []).filter((c) => c.id !== linked?.id), searched: extra.searched ?? null,
    choices: formChoices(o, {}), groups: [{ legend: '申立ての概要', stage: 1, fields: FIELD_GROUPS.flatMap((g) => g.fields).filter((f) => INTAKE_FIELDS.includes(f.name)) }],
  }, extra, status);
}

/** Re-renders the form with the persons whose kana starts with what was typed. */
export async function renderPersonSearch(req: Request, res: Response, o: PetitionOptions, body: Record<string, unknown>) {
  const found = await searchForPick(req, body, PETITION_MESSAGES.searchKana);
  return renderNew(req, res, o, found.values, found.status, found.extra);
}
