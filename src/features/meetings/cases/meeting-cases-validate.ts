/** The case form against the database: the person exists (not merged), the petition is theirs, the dates fit the meeting. */
import { Knex } from 'knex';
import { FieldErrors, FormResult, parseFormAsync } from '../../../http/forms';
import { allowedIds, MeetingOptions } from '../meetings-options';
import { bankGuardianChoices } from './meeting-cases-queries';
import { CASE_FIELD_ORDER, CASE_MESSAGES as M, caseEditSchema, CaseForm, caseSchema } from './meeting-cases-schema';
import { pickedPerson } from '../../persons';
import { petitionPersonId } from '../../petitions';

const ID = /^[1-9]\d{0,8}$/;

export interface CaseContext {
  o: MeetingOptions;
  /** code ids the record holds (offered even if retired) */
  held: number[];
  editing: boolean;
  heldOn: string;
  today: string;
  /** the petition whose stage 6 is this case's record: it may not be unlinked */
  lockedPetition: number | null;
  /** the citizen guardian the case names already (offered even if withdrawn from the bank since) */
  heldGuardian: number | null;
}

async function petitionError(db: Knex, raw: unknown, personId: number | null): Promise<{ id: number | null; error?: string }> {
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (s === '') return { id: null };
  if (!ID.test(s)) return { id: null, error: M.petition };
  const owner = await petitionPersonId(db, Number(s));
  if (owner === undefined) return { id: null, error: M.petition };
  return owner === personId ? { id: Number(s) } : { id: null, error: M.petitionOfOther };
}

/**
 * The case form in one round: the fields, the person and the petition (against the database), and
 * the date sent to the court (not in the future, not before the meeting).
 */
export async function validateCase(db: Knex, body: Record<string, unknown>, c: CaseContext): Promise<FormResult<CaseForm>> {
  const kinds = allowedIds(c.o.kinds, c.held);
  const guardians = new Set((await bankGuardianChoices(db, c.heldGuardian)).map((g) => g.id));
  const found: { person: number | null; petition: number | null } = { person: null, petition: null };
  const form = await parseFormAsync(c.editing ? caseEditSchema(kinds, guardians) : caseSchema(kinds, guardians), body, async (f) => {
    const errors: FieldErrors = {};
    const person = await pickedPerson(db, body.person_id);
    if (!person) errors.person_id = M.person;
    const petition = await petitionError(db, body.petition_id, person?.id ?? null);
    if (petition.error && person) errors.petition_id = petition.error;
    if (c.lockedPetition !== null && petition.id !== c.lockedPetition) errors.petition_id = M.petitionLocked(c.lockedPetition);
    if (f.sent_to_court_on && f.sent_to_court_on > c.today) errors.sent_to_court_on = M.future;
    else if (f.sent_to_court_on && f.sent_to_court_on < c.heldOn) errors.sent_to_court_on = M.sentBefore;
    found.person = person?.id ?? null;
    found.petition = petition.id;
    return errors;
  }, CASE_FIELD_ORDER);
  if (!form.ok) return form;
  return { ok: true, data: { ...form.data, person_id: found.person!, petition_id: found.petition } };
}
