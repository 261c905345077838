/**
 * The part of saving shared by new and edit: validate (cap included), answer 上限額を計算 without
 * storing, and flag periods that overlap the person's other applications before anything is stored.
 */
import { Request } from 'express';
import { z } from 'zod';
import { ErrorItem, fieldError, FieldErrors, parsedFields } from '../../http/forms';
import { FormExtra } from './subsidies-page';
import { SUBSIDY_MESSAGES, RecordForm } from './subsidies-schema';
import { relationLabel, type SubsidyOptions } from './subsidies-options';
import { overlapping } from './subsidies-queries';
import { Validated, validateSubsidy } from './subsidies-validate';
import { today } from '../../http/today';

type Parsed = Omit<RecordForm, 'version'>;

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
