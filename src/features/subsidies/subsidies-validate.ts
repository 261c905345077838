/**
 * The rules across fields of an application, and its cap: the caps in force on the period's first
 * day give the upper limit, the granted amount (blank: the limit) may not exceed it. The rules run
 * on whatever parsed, so every mistake is reported in one round.
 */
import { Knex } from 'knex';
import { z } from 'zod';
import { ErrorItem, FieldErrors, parseFormAsync, fieldError, parsedFields } from '../../http/forms';
import { capsOn, MonthlyCaps, monthsSpanned, working, Working } from './subsidies-cap';
import { SUBSIDY_MESSAGES as M, FIELD_ORDER, RecordForm, SUBSIDY_MESSAGES } from './subsidies-form';
import { isRelativeGuardian, yenText } from './subsidies-values';
import { Request } from 'express';
import type { FormExtra } from './subsidies-page';
import { relationLabel, type SubsidyOptions } from './subsidies-options';
import { overlapping } from './subsidies-queries';
import { today } from '../../http/today';

export interface Computed { home_cap_yen: number; facility_cap_yen: number; granted_yen: number }

export type Validated<F> =
  | { ok: true; data: F & Computed; working: Working }
  | { ok: false; errors: FieldErrors; errorList: ErrorItem[]; working: Working | null };

type Parsed = Omit<RecordForm, 'version'>;

/** The rules on the fields that parsed (each one only when the fields it reads did). */
export function crossErrors(f: Partial<Parsed>, today: string, relationLabel: string | undefined): FieldErrors {
  const e: FieldErrors = {};
  if (f.court_decided_on && f.court_decided_on > today) e.court_decided_on = M.future;
  if (f.received_on && f.received_on > today) e.received_on = M.future;
  else if (f.received_on && f.court_decided_on && f.received_on < f.court_decided_on) e.received_on = M.receivedBeforeCourt;
  if (f.period_from && f.period_to && f.period_to < f.period_from) e.period_to = M.periodOrder;
  if (isRelativeGuardian(relationLabel)) e.guardian_relation_id = M.relative(relationLabel!);
  if (f.petition_id != null && f.petition_type !== undefined && f.petition_type !== '市長') e.petition_type = M.petitionTypeMayor;
  if (f.home_months !== undefined && f.facility_months !== undefined) {
    const total = f.home_months + f.facility_months;
    if (total === 0) e.home_months = M.noMonths;
    else if (f.period_from && f.period_to && !e.period_to && total > monthsSpanned(f.period_from, f.period_to)) {
      e.home_months = M.tooManyMonths(monthsSpanned(f.period_from, f.period_to));
    }
  }
  return e;
}

/** The cap's working, once the period's start, the fee and the months parsed. */
function workingOf(f: Partial<Parsed>, caps: MonthlyCaps): Working | null {
  if (f.fee_awarded_yen === undefined || f.home_months === undefined || f.facility_months === undefined) return null;
  return working({ fee_awarded_yen: f.fee_awarded_yen, home_months: f.home_months, facility_months: f.facility_months, home_cap_yen: caps.home, facility_cap_yen: caps.facility });
}

/** Parses with the schema, the cross-field rules and the cap, all in one round; errors in form order. */
export async function validateSubsidy<S extends z.ZodType<Parsed>>(
  db: Knex, schema: S, body: unknown, today: string, relationLabel: (id: number) => string | undefined,
): Promise<Validated<z.infer<S>>> {
  const found: { caps: MonthlyCaps | null; w: Working | null } = { caps: null, w: null };
  const form = await parseFormAsync(schema, body, async (f) => {
    const errors = crossErrors(f, today, f.guardian_relation_id === undefined ? undefined : relationLabel(f.guardian_relation_id));
    if (!f.period_from) return errors;
    found.caps = await capsOn(db, f.period_from);
    if (!found.caps) errors.period_from ??= M.noCaps;
    else found.w = workingOf(f, found.caps);
    if (found.w && f.granted_yen != null && f.granted_yen > found.w.limit) errors.granted_yen = M.grantedOverCap(yenText(found.w.limit));
    return errors;
  }, FIELD_ORDER);
  const { caps, w } = found;
  if (!form.ok) return { ...form, working: w };
  // parsed in full, so the rule found the caps (or refused the period) and worked the limit out
  if (!caps || !w) throw new Error('subsidy parsed without its cap');
  return { ok: true, data: { ...form.data, home_cap_yen: caps.home, facility_cap_yen: caps.facility, granted_yen: form.data.granted_yen ?? w.limit }, working: w };
}

/**
 * The part of saving shared by new and edit: validate (cap included), answer 上限額を計算 without
 * storing, and flag periods that overlap the person's other applications before anything is stored.
 */

/** What to do with a posted form: show it again (with status and extras), or save this data. */
export type SaveStep<F> = { show: true; status: number; extra: FormExtra } | { show: false; data: Extract<Validated<F>, { ok: true }>['data']; overlapConfirmed: boolean };

export async function prepareSave<S extends z.ZodType<Parsed>>(
  req: Request, o: SubsidyOptions, schema: S, personId: number | null, exceptId: number | null,
): Promise<SaveStep<z.infer<S>>> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const form = await validateSubsidy(req.deps.db, schema, body, today(req), relationLabel(o));
  if (!form.ok) {
    // a missing person, and periods overlapping the person's other applications, are said at once
    // with the other mistakes (not on the next try)
    const noPerson = personId === null && body.intent !== 'calculate';
    const errors: FieldErrors = noPerson ? { person_id: SUBSIDY_MESSAGES.person, ...form.errors } : { ...form.errors };
    const errorList: ErrorItem[] = noPerson ? [{ field: 'person_id', message: SUBSIDY_MESSAGES.person }, ...form.errorList] : [...form.errorList];
    const p = parsedFields(schema, body);
    const overlaps = personId !== null && p.period_from && p.period_to && !p.confirm_overlap && !errors.period_to
      ? await overlapping(req.deps.db, personId, p.period_from, p.period_to, exceptId) : [];
    if (overlaps.length && !errors.confirm_overlap) {
      errors.confirm_overlap = SUBSIDY_MESSAGES.confirm_overlap;
      errorList.push({ field: 'confirm_overlap', message: SUBSIDY_MESSAGES.confirm_overlap });
    }
    return { show: true, status: 400, extra: { errors, errorList, working: form.working, overlaps } };
  }
  if (body.intent === 'calculate') return { show: true, status: 200, extra: { working: form.working } };
  if (personId === null) return { show: true, status: 400, extra: { ...fieldError('person_id', SUBSIDY_MESSAGES.person), working: form.working } };
  const overlaps = await overlapping(req.deps.db, personId, form.data.period_from, form.data.period_to, exceptId);
  if (overlaps.length > 0 && !form.data.confirm_overlap) {
    return { show: true, status: 400, extra: { ...fieldError('confirm_overlap', SUBSIDY_MESSAGES.confirm_overlap), working: form.working, overlaps } };
  }
  return { show: false, data: form.data, overlapConfirmed: overlaps.length > 0 };
}
