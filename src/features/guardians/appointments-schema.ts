/** The appointment (受任) form: the person, the date, the 類型, and later the end. */
import { z } from 'zod';
import { dateField, optionalDateField, versionField } from '../../http/schema-fields';
import { FieldErrors, FormResult, parseForm } from '../../http/forms';
import { optionalText, selectId } from '../petitions/petitions-form-fields';
import { DATE_EXAMPLE } from './guardians-schema';

export const APPOINTMENT_MESSAGES = {
  person: '本人を検索して選んでください',
  searchKana: '検索する氏名カナを入力してください',
  appointedOn: `選任日を正しい日付で入力してください${DATE_EXAMPLE}`,
  type: '類型を一覧から選択してください',
  endedOn: `終了日を正しい日付で入力してください${DATE_EXAMPLE}`,
  endReason: '終了の理由は200文字以内で入力してください',
  future: '未来の日付は入力できません',
  endBeforeStart: '終了日は選任日以降の日付を入力してください',
  notRegistered: '選任日にバンク登録中でない人は受任を記録できません（バンク登録の記録を確認してください）',
} as const;
const M = APPOINTMENT_MESSAGES;

export function appointmentSchema(types: Set<number>) {
  return z.object({
    person_id: z.string({ error: M.person }).regex(/^[1-9]\d{0,8}$/, M.person).transform(Number),
    appointed_on: dateField(M.appointedOn),
    guardianship_type_id: selectId(types, M.type, true).pipe(z.number({ error: M.type })),
    ended_on: optionalDateField(M.endedOn),
    end_reason: optionalText(200, M.endReason),
  });
}
export type AppointmentForm = z.infer<ReturnType<typeof appointmentSchema>>;

export const appointmentEditSchema = (types: Set<number>) => appointmentSchema(types).omit({ person_id: true }).extend({ version: versionField });
export type AppointmentEditForm = z.infer<ReturnType<typeof appointmentEditSchema>>;

/** The schema, then the dates against each other and today. */
export function validateAppointment<S extends z.ZodTypeAny>(schema: S, body: unknown, today: string): FormResult<z.infer<S>> {
  const parsed = parseForm(schema, body);
  if (!parsed.ok) return parsed;
  const v = parsed.data as { appointed_on: string; ended_on: string | null };
  const errors: FieldErrors = {};
  if (v.appointed_on > today) errors.appointed_on = M.future;
  if (v.ended_on && v.ended_on > today) errors.ended_on = M.future;
  else if (v.ended_on && v.ended_on < v.appointed_on) errors.ended_on = M.endBeforeStart;
  if (Object.keys(errors).length === 0) return parsed;
  return { ok: false, errors, errorList: Object.entries(errors).map(([field, message]) => ({ field, message })) };
}
