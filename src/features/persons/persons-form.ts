import { Request } from 'express';
import { ErrorItem, FieldErrors } from '../../http/forms';
import { PERSON_COLUMNS, PersonValues } from './persons-fields';
import { allowedIds, loadLookups, Lookups, selectOptions } from './persons-lookups';
import { Candidate, possibleDuplicates } from './persons-duplicates';
import { PERSON_MESSAGES, PersonSchemaContext } from './persons-schema';
import { today } from '../../http/today';

export interface FormContext {
  lookups: Lookups;
  today: string;
  options: ReturnType<typeof selectOptions>;
  schema: PersonSchemaContext;
}

/** What the person form needs: the select options (plus the record's own retired values) and today. */
export async function formContext(req: Request, current?: Partial<PersonValues>): Promise<FormContext> {
  const lookups = await loadLookups(req.deps.db);
  const day = today(req);
  return { lookups, today: day, options: selectOptions(lookups, current), schema: { today: day, allowed: allowedIds(lookups, current) } };
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
 * birth date and the 氏名 or 氏名カナ parsed but something else did not, the persons that may be
 * the same (possibleDuplicates) are listed. A form that parses in full is checked by createPerson.
 */
export async function withDuplicates(req: Request, failed: { errors: FieldErrors; errorList: ErrorItem[] }, parsed: Partial<PersonValues & { confirm_distinct: boolean }>) {
  const none = { form: failed, candidates: [] as Candidate[] };
  if (parsed.confirm_distinct || !parsed.birth_date || (!parsed.name && !parsed.name_kana)) return none;
  const candidates = await possibleDuplicates(req.deps.db, { name: parsed.name ?? '', name_kana: parsed.name_kana ?? '', birth_date: parsed.birth_date });
  if (!candidates.length) return none;
  const message = PERSON_MESSAGES.duplicate;
  return { form: { errors: { ...failed.errors, confirm_distinct: message }, errorList: [...failed.errorList, { field: 'confirm_distinct', message }] }, candidates };
}
