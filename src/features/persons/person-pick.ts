import { Request, Response } from 'express';
import { Knex } from 'knex';
import { audit } from '../../audit/audit-writer';
import { ErrorItem, FieldErrors, fieldError } from '../../http/forms';
import { kanaSearchKey } from '../../lib/kana';
import { PersonHit, searchPersons } from './persons-search';
import type { SelectOption } from '../../contracts';
import { queryString } from '../../http/params';
import { Access } from '../../policy';
import { SecureRouter } from '../../http/routes';

/** How many persons a form's kana search offers. */
export const SEARCH_LIMIT = 20;

/**
 * The form was sent to look a person up (the 検索 button, or Enter with kana typed), or to take the
 * person chosen among the results (intent 'pick': the form comes back with what depends on the
 * person, such as their petitions, filled in; the way without script).
 */
export const isPersonSearch = (body: Record<string, unknown>) =>
  body.intent === 'search' || body.intent === 'pick' || String(body.person_kana ?? '').trim() !== '';

/** Said next to the person when 「選んだ本人で続ける」 was pressed with no one chosen. */
export const PICK_NONE = '本人を選んでから「選んだ本人で続ける」を押してください';

export type PersonSearchOutcome =
  | { status: 400; values: Record<string, unknown>; extra: { errors: FieldErrors; errorList: ErrorItem[] } }
  | { status: 200; values: Record<string, unknown>; extra: { candidates: PersonHit[]; searched: string | null } };

/**
 * The kana search of a form that picks a person (consultation, petition, subsidy, meeting case,
 * appointment): the values to show again with the search box emptied, and either the error next
 * to the box (nothing searchable typed) or the persons whose kana starts with it (audited). A pick
 * (intent 'pick', nothing typed) shows the form again with the chosen person as the linked one.
 */
export async function searchForPick(req: Request, body: Record<string, unknown>, emptyMessage: string): Promise<PersonSearchOutcome> {
  const typed = String(body.person_kana ?? '').trim().slice(0, 50);
  const values = { ...body, person_kana: '' };
  if (body.intent === 'pick' && typed === '') {
    if (!(await pickedPerson(req.deps.db, body.person_id))) return { status: 400, values, extra: fieldError('person_id', PICK_NONE) };
    return { status: 200, values, extra: { candidates: [], searched: null } };
  }
  if (kanaSearchKey(typed) === '') return { status: 400, values, extra: fieldError('person_kana', emptyMessage) };
  const candidates = await searchPersons(req.deps.db, { kana: typed }, null, SEARCH_LIMIT);
  await audit(req, 'person.search', 'person', null);
  return { status: 200, values, extra: { candidates, searched: typed } };
}

/** A person a form can pick (not merged into another record), with the fields forms default from. */
export interface PickedPerson {
  id: number;
  name: string;
  name_kana: string;
  birth_date: string | null;
  ward_id: number | null;
  ward_name: string | null;
  sex_id: number | null;
  condition_id: number | null;
}

export function findPickablePerson(db: Knex | Knex.Transaction, id: number): Promise<PickedPerson | undefined> {
  return db('persons as p').leftJoin('wards as w', 'w.id', 'p.ward_id').where('p.id', id).whereNull('p.merged_into_id')
    .first('p.id', 'p.name', 'p.name_kana', 'p.birth_date', 'p.ward_id', 'w.name as ward_name', 'p.sex_id', 'p.condition_id');
}

/** The pickable person a form value or query string names by id; null when it names none. */
export async function pickedPerson(db: Knex | Knex.Transaction, value: unknown): Promise<PickedPerson | null> {
  const raw = String(value ?? '');
  return /^[1-9]\d{0,8}$/.test(raw) ? ((await findPickablePerson(db, Number(raw))) ?? null) : null;
}

/**
 * The related-petition list of a form that picks a person (subsidy, meeting case), as JSON for the
 * page's script: choosing a person fills the list at once, the same choices the form would show
 * after a round trip. It names the person's petitions, so it is audited like a view of the person.
 */
/**
 * GET `path`?person_id=N with `access` (the form's own): { options }, or 404 for an id that
 * names no pickable person. Only for forms no ward user opens: the choices are not ward-scoped.
 */
export function petitionChoicesRoute(r: SecureRouter, path: string, access: Access,
  choices: (db: Knex, personId: number) => Promise<SelectOption[]>): void {
  r.get(path, access, async (req: Request, res: Response) => {
    const person = await pickedPerson(req.deps.db, queryString(req, 'person_id'));
    if (!person) {
      res.status(404).json({ options: [] });
      return;
    }
    const options = await choices(req.deps.db, person.id);
    await audit(req, 'person.petitions', 'person', person.id);
    res.json({ options });
  });
}
