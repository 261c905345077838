/** The appointment (受任) form: the person, the date, the 類型, and later the end. */
import { z } from 'zod';
import { FieldErrors, FormResult, parseFormAsync } from '../../../http/forms';
import { dateField, FIELD_MESSAGES as F, requiredIdField, optionalDateField, optionalText, requiredSelectId, versionField } from '../../../http/schema-fields';

export const APPOINTMENT_MESSAGES = {
  person: '本人を検索して選んでください',
  searchKana: '検索する氏名カナを入力してください',
  appointedOn: F.date('選任日'),
  type: '類型を一覧から選択してください',
  endedOn: F.date('終了日'),
  endReason: F.tooLong('終了の理由', 200),
  future: '未来の日付は入力できません',
  endBeforeStart: '終了日は選任日以降の日付を入力してください',
  notRegistered: '選任日にバンク登録中でない人は受任を記録できません（バンク登録の記録を確認してください）',
} as const;
const M = APPOINTMENT_MESSAGES;

export function appointmentSchema(types: Set<number>) {
  return z.object({
    person_id: requiredIdField(M.person),
    appointed_on: dateField('選任日'),
    guardianship_type_id: requiredSelectId(types, M.type),
    ended_on: optionalDateField('終了日'),
    end_reason: optionalText('終了の理由', 200),
  });
}
export type AppointmentForm = z.infer<ReturnType<typeof appointmentSchema>>;

export const appointmentEditSchema = (types: Set<number>) => appointmentSchema(types).omit({ person_id: true }).extend({ version: versionField });
export type AppointmentEditForm = z.infer<ReturnType<typeof appointmentEditSchema>>;

/** What the form's rule asks the database: was the guardian in the bank on the day; does the picked person exist. */
export interface AppointmentChecks { registered: (on: string) => Promise<boolean>; person?: (id: number) => Promise<boolean> }

/**
 * The schema, the dates against each other and today, the person, and the bank registration on the
 * day of the appointment (受任 comes after バンク登録): all in one round.
 */
export function validateAppointment<S extends z.ZodTypeAny>(schema: S, body: unknown, today: string, checks: AppointmentChecks): Promise<FormResult<z.infer<S>>> {
  return parseFormAsync(schema, body, async (parsed) => {
    const v = parsed as Partial<{ person_id: number; appointed_on: string; ended_on: string | null }>;
    const errors: FieldErrors = {};
    if (v.person_id !== undefined && checks.person && !(await checks.person(v.person_id))) errors.person_id = M.person;
    if (v.appointed_on && v.appointed_on > today) errors.appointed_on = M.future;
    else if (v.appointed_on && !(await checks.registered(v.appointed_on))) errors.appointed_on = M.notRegistered;
    if (v.ended_on && v.ended_on > today) errors.ended_on = M.future;
    else if (v.ended_on && v.appointed_on && v.ended_on < v.appointed_on) errors.ended_on = M.endBeforeStart;
    return errors;
  });
}
