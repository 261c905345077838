/**
 * A roster ledger row through the forms that enter the same by hand: the roster form
 * (guardianSchema: 氏名, カナ, 生年月日 and 支援員活動開始日 not in the future …), the course's
 * completion form (修了日), the bank and 協力員 forms (their dates), the 協力員 step's rules (a bank
 * registrant only, not before the registration) and the roster's duplicate check. Kept apart on
 * purpose: the course is named by its year (found, or created without days); past steps are taken
 * as given, so a bank registration breaking today's conditions is a warning, not a refusal.
 */
import { Knex } from 'knex';
import { parseForm } from '../../../http/forms';
import { fiscalYearName, fiscalYearOf, fiscalYearRange } from '../../../lib/dates';
import { kanaSearchKey } from '../../../lib/kana';
import { formBody, FormMapping, rowReasons } from '../../imports';
import type { Cells, RowResult } from '../../../contracts/import-kind';
import { missingBankConditions } from '../bank/guardian-gating';
import { fiscalYearCell, GUARDIAN_IMPORT_MESSAGES as M, loadRoster, rosterKey, T } from './guardians-import-cells';
import { completeSchema } from '../courses/courses-schema';
import { bankSchema, cooperatorSchema, GUARDIAN_MESSAGES, guardianSchema } from '../roster/guardians-schema';
import { STEP_MESSAGES } from '../bank/guardians-steps-service';
import type { TraineeImport } from './trainees-import';

export interface TraineeImportContext {
  today: string;
  roster: Map<string, { id: number }>;
  courses: Set<number>;
  /** the roster keys of the file's earlier rows */
  seen: Set<string>;
  forms: { roster: ReturnType<typeof guardianSchema>; complete: ReturnType<typeof completeSchema>; bank: ReturnType<typeof bankSchema>; coop: ReturnType<typeof cooperatorSchema> };
}

const ROSTER: FormMapping = { columns: { name: T.name, name_kana: T.kana, birth_date: T.birth, activity_started_on: T.activity } };

export async function loadTraineeImport(db: Knex | Knex.Transaction, today: string): Promise<TraineeImportContext> {
  const courses: { fiscal_year: number }[] = await db('guardian_courses').select('fiscal_year');
  return {
    today, roster: await loadRoster(db), courses: new Set(courses.map((c) => c.fiscal_year)), seen: new Set(),
    forms: { roster: guardianSchema(today), complete: completeSchema(today), bank: bankSchema(today), coop: cooperatorSchema(today) },
  };
}

/** One step's date through its form ('' → no step). */
type StepForm = TraineeImportContext['forms'][keyof TraineeImportContext['forms']];

function stepDate(r: ReturnType<typeof rowReasons>, form: StepForm, field: string, cells: Cells, column: string): string | null {
  if (cells[column] === '') return null;
  const parsed = parseForm(form, { [field]: cells[column], version: '1' });
  if (!parsed.ok) { r.form(parsed.errorList, { columns: { [field]: column }, standIns: ['version'] }); return null; }
  return (parsed.data as Record<string, string>)[field];
}

export function validateTraineeRow(cells: Cells, ctx: TraineeImportContext): RowResult<TraineeImport> {
  const r = rowReasons(cells);
  const roster = parseForm(ctx.forms.roster, formBody(ctx.forms.roster.shape, {
    name: cells[T.name], name_kana: cells[T.kana], birth_date: cells[T.birth], activity_started_on: cells[T.activity],
  }));
  if (!roster.ok) r.form(roster.errorList, ROSTER);
  const givenFy = fiscalYearCell(cells[T.courseFy], r.reasons);
  const completed = stepDate(r, ctx.forms.complete, 'completed_on', cells, T.completed);
  const bank = stepDate(r, ctx.forms.bank, 'bank_on', cells, T.bank);
  const coop = stepDate(r, ctx.forms.coop, 'coop_on', cells, T.coop);
  if (givenFy !== null && completed && completed < fiscalYearRange(givenFy).from) r.reasons.push(M.completedBeforeCourse(completed, fiscalYearName(givenFy)));
  // the 協力員 step's own rules, on the row's bank registration (nothing is stored yet)
  if (cells[T.coop] !== '' && cells[T.bank] === '') r.form([{ field: 'coop_on', message: STEP_MESSAGES.notRegistered }], { columns: { coop_on: T.coop } });
  else if (coop && bank && coop < bank) r.form([{ field: 'coop_on', message: STEP_MESSAGES.beforeBank(bank) }], { columns: { coop_on: T.coop } });
  if (!roster.ok) return r.done<TraineeImport>(null);
  const g = roster.data;
  const key = rosterKey(kanaSearchKey(g.name_kana), g.birth_date);
  if (ctx.roster.has(key)) r.form([{ field: 'name_kana', message: GUARDIAN_MESSAGES.duplicate }], ROSTER);
  else if (ctx.seen.has(key)) r.reasons.push(M.twiceInFile);
  ctx.seen.add(key);
  const warnings = bank ? missingBankConditions({ completedOn: completed, activityStartedOn: g.activity_started_on, followupDates: [] }, bank).map(M.gating) : [];
  return r.done({
    name: g.name, name_kana: g.name_kana, kana_key: kanaSearchKey(g.name_kana), birth_date: g.birth_date,
    course_fy: givenFy ?? (completed ? fiscalYearOf(completed) : null), completed_on: completed, activity_started_on: g.activity_started_on,
    bank_on: bank, coop_on: coop,
  }, warnings);
}
