import { z } from 'zod';
import { dateField, optionalDateField, versionField } from '../../http/schema-fields';
import { FieldErrors, FormResult, parseForm } from '../../http/forms';
import { CLOSE_KINDS, STAGE_RULES } from './petition-stages';
import { oneOf, optionalText, requiredOneOf, requiredText } from './petitions-form-fields';

/** The forms on the petition page: record a stage, close, undo, a relative, the documents checklist. */
const DATE_EXAMPLE = '（例：2025-04-01、令和7年4月1日、R7.4.1）';

export const PROGRESS_MESSAGES = {
  stage: '記録する段階がわかりません。画面を開き直してください',
  stageStatus: '「完了」か「不要」を選択してください',
  stageOn: `完了日を正しい日付で入力してください${DATE_EXAMPLE}`,
  stageNote: 'メモは1,000文字以内で入力してください',
  closeKind: STAGE_RULES.closeKindRequired,
  closeOn: `終結日を正しい日付で入力してください${DATE_EXAMPLE}`,
  closeReason: '終結の理由は1,000文字以内で入力してください',
  closeReasonRequired: '取下げ・却下のときは理由を入力してください',
  relName: '親族の氏名を100文字以内で入力してください',
  relRelation: '続柄を50文字以内で入力してください（例：長男、妹）',
  relDegree: '親等を1か2から選択してください',
  relEnquiryOn: `照会日を正しい日付で入力してください${DATE_EXAMPLE}`,
  relReply: '回答を一覧から選択してください',
  relReplyOn: `回答日を正しい日付で入力してください${DATE_EXAMPLE}`,
  relReplyBefore: '回答日は照会日以降の日付を入力してください',
  future: '未来の日付は入力できません',
  docOn: `収集日を正しい日付で入力してください${DATE_EXAMPLE}`,
} as const;
const M = PROGRESS_MESSAGES;

export const RELATIVE_REPLIES = ['申立て可', '不可', '無回答', '反対'] as const;

const stageNo = (min: number, max: number) =>
  z.string({ error: M.stage }).regex(/^\d{1,2}$/, M.stage).transform(Number).pipe(z.number().min(min, M.stage).max(max, M.stage));

/** Stages 1–11: 完了 or 不要 (with the reason in the memo), the date, a memo. */
export const stageSchema = z.object({
  stage: stageNo(1, 11),
  stage_status: requiredOneOf(['done', 'not_needed'] as const, M.stageStatus),
  stage_on: dateField(M.stageOn),
  stage_note: optionalText(1000, M.stageNote),
}).superRefine((v, ctx) => {
  if (v.stage_status === 'not_needed' && !v.stage_note) ctx.addIssue({ code: 'custom', path: ['stage_note'], message: STAGE_RULES.reasonRequired });
});

/** Stage 12: 完了 (only after 登記), or 取下げ / 却下 at any point, with the reason. */
export const closeSchema = z.object({
  stage: stageNo(12, 12),
  close_kind: requiredOneOf(CLOSE_KINDS, M.closeKind),
  close_on: dateField(M.closeOn),
  close_reason: optionalText(1000, M.closeReason),
}).superRefine((v, ctx) => {
  if (v.close_kind !== '完了' && !v.close_reason) ctx.addIssue({ code: 'custom', path: ['close_reason'], message: M.closeReasonRequired });
});

export const undoSchema = z.object({ stage: stageNo(1, 12) });

export const relativeSchema = z.object({
  rel_name: requiredText(100, M.relName),
  rel_relation: requiredText(50, M.relRelation),
  rel_degree: requiredOneOf(['1', '2'] as const, M.relDegree).transform(Number),
  rel_enquiry_on: optionalDateField(M.relEnquiryOn),
  rel_reply: oneOf(RELATIVE_REPLIES, M.relReply),
  rel_reply_on: optionalDateField(M.relReplyOn),
});
export type RelativeForm = z.infer<typeof relativeSchema>;
export const relativeEditSchema = relativeSchema.extend({ version: versionField });
export const relativeDeleteSchema = z.object({ version: versionField });

/** The relative form, then its dates against each other and today. */
export function validateRelative<S extends z.ZodType<RelativeForm>>(schema: S, body: unknown, today: string): FormResult<z.infer<S>> {
  const parsed = parseForm(schema, body);
  if (!parsed.ok) return parsed;
  const v = parsed.data as RelativeForm;
  const errors: FieldErrors = {};
  if (v.rel_enquiry_on && v.rel_enquiry_on > today) errors.rel_enquiry_on = M.future;
  if (v.rel_reply_on && v.rel_reply_on > today) errors.rel_reply_on = M.future;
  else if (v.rel_reply_on && v.rel_enquiry_on && v.rel_reply_on < v.rel_enquiry_on) errors.rel_reply_on = M.relReplyBefore;
  if (Object.keys(errors).length === 0) return parsed;
  return { ok: false, errors, errorList: Object.entries(errors).map(([field, message]) => ({ field, message })) };
}

export interface DocumentsForm { version: number; gathered: Map<number, string | null> }

/**
 * The checklist: `doc_<id>` checked, `doc_<id>_on` its date (optional). A date without the tick
 * counts as gathered. Only ids in `documentIds` are read.
 */
export function parseDocuments(body: Record<string, unknown>, documentIds: number[], today: string): FormResult<DocumentsForm> {
  const errors: FieldErrors = {};
  const gathered = new Map<number, string | null>();
  const version = versionField.safeParse(body.version);
  if (!version.success) errors.version = version.error.issues[0].message;
  for (const id of documentIds) {
    const on = optionalDateField(M.docOn).safeParse(body[`doc_${id}_on`]);
    if (!on.success) { errors[`doc_${id}_on`] = M.docOn; continue; }
    if (on.data && on.data > today) { errors[`doc_${id}_on`] = M.future; continue; }
    if (body[`doc_${id}`] === '1' || on.data) gathered.set(id, on.data);
  }
  if (Object.keys(errors).length) return { ok: false, errors, errorList: Object.entries(errors).map(([field, message]) => ({ field, message })) };
  return { ok: true, data: { version: version.data!, gathered } };
}
