import { z } from 'zod';
import { Db } from '../../db/knex';
import { ErrorItem, FieldErrors, FormResult, parseForm } from '../../http/forms';
import { CODE_FIELDS, CodeField, FormOptions, Option } from './consultations-options';
import { CONSULTATION_MESSAGES as M, ConsultationForm, consultationSchema, FIELD_ORDER } from './consultations-schema';
import { findPickablePerson } from '../persons/person-pick';

const CODE_MESSAGES: Record<CodeField, string> = {
  method_id: M.method, consultee_id: M.consultee, age_band_id: M.ageBand, sex_id: M.sex, condition_id: M.condition,
};

const offered = (options: Option[], id: number | null) => id === null || options.some((o) => o.id === id);

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

function ordered(errors: FieldErrors): ErrorItem[] {
  const rank = (f: string) => { const i = (FIELD_ORDER as readonly string[]).indexOf(f); return i < 0 ? 99 : i; };
  return Object.entries(errors).map(([field, message]) => ({ field, message })).sort((a, b) => rank(a.field) - rank(b.field));
}

/** Each field parsed on its own, so the reference rules can run on those that are well-formed. */
function parsedFields(body: unknown): Partial<ConsultationForm> {
  const raw = (body ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(consultationSchema.shape)) {
    const r = (schema as z.ZodType).safeParse(raw[field]);
    if (r.success) out[field] = r.data;
  }
  return out as Partial<ConsultationForm>;
}

/**
 * Parses the form with its schema, then checks dates and ids against today and what the form
 * offered. Format errors and reference errors are reported together, in form order.
 */
export async function validateConsultation<S extends z.ZodType<ConsultationForm>>(
  db: Db, schema: S, body: unknown, opts: FormOptions, today: string,
): Promise<FormResult<z.infer<S>>> {
  const parsed = parseForm(schema, body);
  const refs = await referenceErrors(db, parsedFields(body), opts, today);
  if (parsed.ok && Object.keys(refs).length === 0) return parsed;
  const errors = { ...refs, ...(parsed.ok ? {} : parsed.errors) };
  return { ok: false, errors, errorList: ordered(errors) };
}
