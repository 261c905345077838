/**
 * The rules across fields of an application, and its cap: the caps in force on the period's first
 * day give the upper limit, the granted amount (blank: the limit) may not exceed it.
 */
import { Knex } from 'knex';
import { z } from 'zod';
import { ErrorItem, FieldErrors, parseForm } from '../../http/forms';
import { capsOn, monthsSpanned, working, Working } from './subsidies-cap';
import { SUBSIDY_MESSAGES as M } from './subsidies-messages';
import { FIELD_ORDER, RecordForm } from './subsidies-schema';
import { isRelativeGuardian, yenText } from './subsidies-values';

export interface Computed { home_cap_yen: number; facility_cap_yen: number; granted_yen: number }

export type Validated<F> =
  | { ok: true; data: F & Computed; working: Working }
  | { ok: false; errors: FieldErrors; errorList: ErrorItem[]; working: Working | null };

type Parsed = Omit<RecordForm, 'version'>;

function crossErrors(f: Parsed, today: string, relationLabel: string | undefined): FieldErrors {
  const e: FieldErrors = {};
  if (f.received_on > today) e.received_on = M.future;
  if (f.court_decided_on > today) e.court_decided_on = M.future;
  if (f.period_to < f.period_from) e.period_to = M.periodOrder;
  if (isRelativeGuardian(relationLabel)) e.guardian_relation_id = M.relative(relationLabel!);
  if (f.petition_id !== null && f.petition_type !== '市長') e.petition_type = M.petitionTypeMayor;
  const total = f.home_months + f.facility_months;
  if (total === 0) e.home_months = M.noMonths;
  else if (!e.period_to && total > monthsSpanned(f.period_from, f.period_to)) e.home_months = M.tooManyMonths(monthsSpanned(f.period_from, f.period_to));
  return e;
}

const ordered = (errors: FieldErrors): ErrorItem[] => Object.entries(errors).map(([field, message]) => ({ field, message }))
  .sort((x, y) => FIELD_ORDER.indexOf(x.field) - FIELD_ORDER.indexOf(y.field));

/** Parses with the schema, then the cross-field rules and the cap; errors in form order. */
export async function validateSubsidy<S extends z.ZodType<Parsed>>(
  db: Knex, schema: S, body: unknown, today: string, relationLabel: (id: number) => string | undefined,
): Promise<Validated<z.infer<S>>> {
  const parsed = parseForm(schema, body);
  if (!parsed.ok) return { ...parsed, working: null };
  const f = parsed.data;
  const errors = crossErrors(f, today, relationLabel(f.guardian_relation_id));
  const caps = await capsOn(db, f.period_from);
  let w: Working | null = null;
  if (!caps) errors.period_from ??= M.noCaps;
  else {
    w = working({ ...f, home_cap_yen: caps.home, facility_cap_yen: caps.facility });
    if (f.granted_yen !== null && f.granted_yen > w.limit) errors.granted_yen = M.grantedOverCap(yenText(w.limit));
  }
  if (Object.keys(errors).length > 0 || !caps || !w) return { ok: false, errors, errorList: ordered(errors), working: w };
  return { ok: true, data: { ...f, home_cap_yen: caps.home, facility_cap_yen: caps.facility, granted_yen: f.granted_yen ?? w.limit }, working: w };
}
