import { z } from 'zod';
import { Db } from '../../db/knex';
import { FieldErrors, FormResult, parseFormAsync } from '../../http/forms';
import { CODE_FIELDS, CodeField, FormOptions } from './consultations-options';
import type { Choice } from '../../contracts';
import { CONSULTATION_MESSAGES as M, ConsultationForm, FIELD_ORDER } from './consultations-schema';
import { findPickablePerson } from '../persons';

const CODE_MESSAGES: Record<CodeField, string> = {
  method_id: M.method, consultee_id: M.consultee, age_band_id: M.ageBand, sex_id: M.sex, condition_id: M.condition,
};

const offered = (options: Choice[], id: number | null) => id === null || options.some((o) => o.id === id);

/** Why a category id cannot be taken, or null when the form offers it. */
function categoryProblem(opts: FormOptions, id: number): string | null {
  if (opts.categories.some((g) => g.options.some((o) => o.id === id))) return null;
  const row = opts.allCategories.find((c) => c.id === id);
  if (!row) return M.categoryUnknown;
  if (row.has_children) return M.categoryParent;
  return M.categoryRetired;
}

/** Rules that need the master data, the person table or today: each id must be one the form offers. */
async function referenceErrors(db: Db, data: Partial<ConsultationForm>, opts: FormOptions, today: string): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const has = <K extends keyof ConsultationForm>(f: K) => data[f] !== undefined && data[f] !== null;
  if (has('consulted_on') && data.consulted_on! > today) errors.consulted_on = M.consultedOnFuture;
  for (const field of Object.keys(CODE_FIELDS) as CodeField[]) {
    if (has(field) && !offered(opts.codes[field], data[field]!)) errors[field] = CODE_MESSAGES[field];
  }
  const cat = has('category_id') ? categoryProblem(opts, data.category_id!) : null;
  if (cat) errors.category_id = cat;
  if (has('ward_id') && !offered(opts.wards, data.ward_id!)) errors.ward_id = M.ward;
  if (has('referral_center_id') && !offered(opts.centers, data.referral_center_id!)) errors.referral_center_id = M.referralCenter;
  if (has('staff_id') && !offered(opts.staff, data.staff_id!)) errors.staff_id = M.staff;
  if (has('person_id') && !(await findPickablePerson(db, data.person_id!))) errors.person_id = M.person;
  if (has('follow_up_on') && has('consulted_on') && data.follow_up_on! < data.consulted_on!) errors.follow_up_on = M.followUpBefore;
  return errors;
}

/**
 * Parses the form with its schema and checks dates and ids against today and what the form
 * offered, on whatever parsed: format errors and reference errors together, in form order.
 */
export function validateConsultation<S extends z.ZodType<ConsultationForm>>(
  db: Db, schema: S, body: unknown, opts: FormOptions, today: string,
): Promise<FormResult<z.infer<S>>> {
  return parseFormAsync(schema, body, (data) => referenceErrors(db, data, opts, today), FIELD_ORDER);
}
