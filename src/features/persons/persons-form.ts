import { Request } from 'express';
import { ErrorItem, FieldErrors } from '../../http/forms';
import { todayIso } from '../../lib/dates';
import { PERSON_COLUMNS, PersonValues } from './persons-fields';
import { allowedIds, loadLookups, Lookups, selectOptions } from './persons-lookups';
import { Candidate, duplicateCandidates } from './persons-queries';
import { PERSON_MESSAGES, PersonSchemaContext } from './persons-schema';
import { kanaSearchKey } from '../../lib/kana';

export interface FormContext {
  lookups: Lookups;
  today: string;
  options: ReturnType<typeof selectOptions>;
  schema: PersonSchemaContext;
}

/** What the person form needs: the select options (plus the record's own retired values) and today. */
export async function formContext(req: Request, current?: Partial<PersonValues>): Promise<FormContext> {
  const lookups = await loadLookups(req.deps.db);
  const today = todayIso(req.deps.clock.now());
  return { lookups, today, options: selectOptions(lookups, current), schema: { today, allowed: allowedIds(lookups, current) } };
}

/** A saved record as the form shows it. */
export function formValues(p: Partial<PersonValues>): Record<string, string> {
  return Object.fromEntries(PERSON_COLUMNS.map((c) => [c, p[c] === null || p[c] === undefined ? '' : String(p[c])]));
}

/** Only the person columns of a parsed form (drops version, confirm_distinct …). */
export function pickValues(data: PersonValues): PersonValues {
  return Object.fromEntries(PERSON_COLUMNS.map((c) => [c, data[c]])) as unknown as PersonValues;
}

/**
 * Possible duplicates said with the form's other errors (not only once those are fixed): when the
 * kana and birth date parsed but something else did not, the same kana and birth date already
 * stored are listed. A form that parses in full is checked by createPerson (in its transaction).
 */
export async function withDuplicates(req: Request, failed: { errors: FieldErrors; errorList: ErrorItem[] }, parsed: Partial<PersonValues & { confirm_distinct: boolean }>) {
  if (parsed.confirm_distinct || !parsed.name_kana || !parsed.birth_date) return { form: failed, candidates: [] as Candidate[] };
  const candidates = await duplicateCandidates(req.deps.db, kanaSearchKey(parsed.name_kana), parsed.birth_date);
  if (!candidates.length) return { form: failed, candidates };
  const message = PERSON_MESSAGES.duplicate;
  return { form: { errors: { ...failed.errors, confirm_distinct: message }, errorList: [...failed.errorList, { field: 'confirm_distinct', message }] }, candidates };
}
