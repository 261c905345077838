import { Request } from 'express';
import { todayIso } from '../../lib/dates';
import { PERSON_COLUMNS, PersonValues } from './persons-fields';
import { allowedIds, loadLookups, Lookups, selectOptions } from './persons-lookups';
import { PersonSchemaContext } from './persons-schema';

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
