/** Rendering the application form: new (with the person search) and edit, with the cap's working and any overlaps. */
import { Request, Response } from 'express';
import { audit } from '../../audit/audit-writer';
import { renderFormPage, Rerender } from '../../http/forms';
import { pickedPerson, searchForPick, PersonHit } from '../persons';
import type { Choice } from '../../contracts';
import { Working } from './subsidies-cap';
import { SUBSIDY_MESSAGES } from './subsidies-messages';
import { formChoices, Held, petitionChoices, type SubsidyOptions } from './subsidies-options';
import { OverlapRow, SubsidyRow } from './subsidies-queries';

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
