import { Request, Response } from 'express';
import { renderFormPage, Rerender } from '../../http/forms';
import { parseDateInput } from '../../lib/dates';
import { pickedPerson, PickedPerson, searchForPick, PersonHit } from '../persons';
import { bandRanges, deriveAgeBand } from './consultations-age-band';
import { FormOptions } from './consultations-options';
import { CONSULTATION_MESSAGES as M } from './consultations-schema';

/** How the entry and edit forms differ: where they post, their title and button. */
export interface FormMode {
  view: 'consultations/new' | 'consultations/edit';
  action: string;
  title: string;
  submitLabel: string;
  id?: number;
}

export const NEW_MODE: FormMode = { view: 'consultations/new', action: '/consultations', title: '相談記録の登録', submitLabel: '登録する' };

export function editMode(id: number): FormMode {
  return { view: 'consultations/edit', action: `/consultations/${id}`, title: `相談記録の編集（記録番号 ${id}）`, submitLabel: '保存する', id };
}

/** The person currently chosen in the form values, if it can be linked. */
function linkedPerson(req: Request, values: Record<string, unknown>): Promise<PickedPerson | null> {
  return pickedPerson(req.deps.db, values.person_id);
}

type Extra = Rerender & { candidates?: PersonHit[]; searched?: string | null };

/**
 * A blank 年齢区分 shown as the band the server would store: the linked person's age on the
 * consultation date (what the form's script fills in as a person is picked).
 */
function withDerivedAgeBand(values: Record<string, unknown>, linked: PickedPerson | null, opts: FormOptions): Record<string, unknown> {
  if (!linked?.birth_date || (values.age_band_id !== undefined && values.age_band_id !== null && values.age_band_id !== '')) return values;
  const on = parseDateInput(String(values.consulted_on ?? ''));
  const band = deriveAgeBand(opts.codes.age_band_id.filter((o) => !o.retired), linked.birth_date, on.ok ? on.iso : null);
  return band === null ? values : { ...values, age_band_id: band };
}

/** Renders the entry or edit form with its options, the linked person and any search candidates. */
export async function renderForm(req: Request, res: Response, mode: FormMode, opts: FormOptions, values: Record<string, unknown>, status = 200, extra: Extra = {}) {
  const linked = await linkedPerson(req, values);
  const candidates = (extra.candidates ?? []).filter((c) => c.id !== linked?.id);
  renderFormPage(res, mode.view, {
    mode, opts, values: withDerivedAgeBand(values, linked, opts), linked, candidates, searched: extra.searched ?? null,
    ageBands: bandRanges(opts.codes.age_band_id.filter((o) => !o.retired)),
  }, extra, status);
}

/** Re-renders the form with the persons whose kana starts with what was typed, as radio buttons. */
export async function renderPersonSearch(req: Request, res: Response, mode: FormMode, opts: FormOptions, body: Record<string, unknown>) {
  const found = await searchForPick(req, body, M.searchKana);
  return renderForm(req, res, mode, opts, found.values, found.status, found.extra);
}
