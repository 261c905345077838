import { z } from 'zod';
import { errorsResult, FieldErrors, FormResult, parseForm } from '../../http/forms';
import {
  dateField, FIELD_MESSAGES as F, oneOf, optionalDateField, optionalText, requiredOneOf, requiredText, versionField,
} from '../../http/schema-fields';
import { CLOSE_KINDS, STAGE_RULES } from './stages/petition-stages';

/** The forms on the petition page: record a stage, close, undo, a relative, the documents checklist. */
export const PROGRESS_MESSAGES = {
  stage: '記録する段階がわかりません。画面を開き直してください',
  stageStatus: '「完了」か「不要」を選択してください',
  stageOn: F.date('完了日'),
  stageNote: F.tooLong('メモ', 1000),
  closeKind: STAGE_RULES.closeKindRequired,
  closeOn: F.date('終結日'),
  closeReason: F.tooLong('終結の理由', 1000),
  closeReasonRequired: '取下げ・却下のときは理由を入力してください',
  relName: F.tooLong('親族の氏名', 100),
  relRelation: F.tooLong('続柄', 50),
  relDegree: '親等を1か2から選択してください',
  relEnquiryOn: F.date('照会日'),
  relReply: '回答を一覧から選択してください',
  relReplyOn: F.date('回答日'),
  relReplyBefore: '回答日は照会日以降の日付を入力してください',
  future: '未来の日付は入力できません',
  docOn: F.date('収集日'),
} as const;
const M = PROGRESS_MESSAGES;

export const RELATIVE_REPLIES = ['申立て可', '不可', '無回答', '反対'] as const;

const stageNo = (min: number, max: number) =>
  z.string({ error: M.stage }).regex(/^\d{1,2}$/, M.stage).transform(Number).pipe(z.number().min(min, M.stage).max(max, M.stage));

/** Stages 1–11: 完了 or 不要 (with the reason in the memo), the date, a memo. */
export const stageSchema = z.object({
  stage: stageNo(1, 11),
  stage_status: requiredOneOf(['done', 'not_needed'] as const, M.stageStatus),
  stage_on: dateField('完了日'),
  stage_note: optionalText('メモ', 1000),
});
export type StageForm = z.infer<typeof stageSchema>;

/** 「不要」 says why. */
export const stageFormRule = (v: Partial<StageForm>): FieldErrors =>
  (v.stage_status === 'not_needed' && v.stage_note === null ? { stage_note: STAGE_RULES.reasonRequired } : {});

/** Stage 12: 完了 (only after 登記), or 取下げ / 却下 at any point, with the reason. */
export const closeSchema = z.object({
  stage: stageNo(12, 12),
  close_kind: requiredOneOf(CLOSE_KINDS, M.closeKind),
  close_on: dateField('終結日'),
  close_reason: optionalText('終結の理由', 1000),
});
export type CloseForm = z.infer<typeof closeSchema>;

/** 取下げ and 却下 say why. */
export const closeFormRule = (v: Partial<CloseForm>): FieldErrors =>
  (v.close_kind && v.close_kind !== '完了' && v.close_reason === null ? { close_reason: M.closeReasonRequired } : {});

export const undoSchema = z.object({ stage: stageNo(1, 12) });

export const relativeSchema = z.object({
  rel_name: requiredText('親族の氏名', 100),
  rel_relation: requiredText('続柄', 50),
  rel_degree: requiredOneOf(['1', '2'] as const, M.relDegree).transform(Number),
  rel_enquiry_on: optionalDateField('照会日'),
  rel_reply: oneOf(RELATIVE_REPLIES, M.relReply),
  rel_reply_on: optionalDateField('回答日'),
});
export type RelativeForm = z.infer<typeof relativeSchema>;
export const relativeEditSchema = relativeSchema.extend({ version: versionField });
export const relativeDeleteSchema = z.object({ version: versionField });

/** The relative form with its dates against each other and today, in one round. */
export function validateRelative<S extends z.ZodType<RelativeForm>>(schema: S, body: unknown, today: string): FormResult<z.infer<S>> {
  return parseForm(schema, body, (v) => {
    const errors: FieldErrors = {};
    if (v.rel_enquiry_on && v.rel_enquiry_on > today) errors.rel_enquiry_on = M.future;
    if (v.rel_reply_on && v.rel_reply_on > today) errors.rel_reply_on = M.future;
    else if (v.rel_reply_on && v.rel_enquiry_on && v.rel_reply_on < v.rel_enquiry_on) errors.rel_reply_on = M.relReplyBefore;
    return errors;
  });
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
  const docOn = optionalDateField('収集日');
  for (const id of documentIds) {
    const on = docOn.safeParse(body[`doc_${id}_on`]);
    if (!on.success) { errors[`doc_${id}_on`] = M.docOn; continue; }
    if (on.data && on.data > today) { errors[`doc_${id}_on`] = M.future; continue; }
    if (body[`doc_${id}`] === '1' || on.data) gathered.set(id, on.data);
  }
  if (Object.keys(errors).length) return errorsResult(errors);
  return { ok: true, data: { version: version.data!, gathered } };
}
