import { Request } from 'express';
import { ErrorItem, FieldErrors } from '../../http/forms';
import { PERSON_COLUMNS, PersonValues, LIVING, WELFARE } from './persons-fields';
import { allowedIds, loadLookups, Lookups, selectOptions, SelectField } from './persons-lookups';
import { Candidate, possibleDuplicates } from './persons-duplicates';
import { today } from '../../http/today';
import { z } from 'zod';
import { checkbox, FIELD_MESSAGES as F, kanaField, oneOf, optionalDateField, optionalText, phoneField, requiredText, selectId, versionField } from '../../http/schema-fields';

export const PERSON_MESSAGES = {
  name: F.tooLong('氏名', 100),
  nameKana: F.tooLong('氏名カナ', 100),
  nameKanaChars: F.kanaChars('氏名カナ'),
  birthDate: F.date('生年月日', '（例：1945-04-01、昭和20年4月1日、S20.4.1）'),
  birthFuture: '生年月日に今日より後の日付は入力できません',
  address: F.tooLong('住所', 200),
  phone: F.phone('電話番号'),
  handbookGrade: F.tooLong('手帳の等級', 20),
  guardianName: F.tooLong('後見人等の氏名', 100),
  notes: F.tooLong('備考', 5000),
  living: '生活の場を一覧から選択してください',
  welfare: '生活保護の状況を一覧から選択してください',
  select: {
    sex_id: '性別を一覧から選択してください',
    ward_id: '区を一覧から選択してください',
    condition_id: '疾病・障害を一覧から選択してください',
    handbook_type_id: '手帳の種類を一覧から選択してください',
    care_level_id: '要介護度を一覧から選択してください',
    guardianship_type_id: '類型を一覧から選択してください',
    guardian_relation_id: '後見人等と本人との関係を一覧から選択してください',
  } satisfies Record<SelectField, string>,
  duplicate: '同じ人かもしれない本人が既に登録されています。同じ人でないか確認し、別人であればチェックを入れてください',
} as const;

export interface PersonSchemaContext {
  today: string;
  allowed: Record<SelectField, Set<number>>;
}

export function personSchema({ today, allowed }: PersonSchemaContext) {
  const M = PERSON_MESSAGES;
  return z.object({
    name: requiredText('氏名', 100),
    name_kana: kanaField('氏名カナ', 100),
    birth_date: optionalDateField('生年月日', M.birthDate).refine((v) => v === null || v <= today, M.birthFuture),
    sex_id: selectId(allowed.sex_id, M.select.sex_id),
    ward_id: selectId(allowed.ward_id, M.select.ward_id),
    address: optionalText('住所', 200),
    phone: phoneField('電話番号'),
    condition_id: selectId(allowed.condition_id, M.select.condition_id),
    handbook_type_id: selectId(allowed.handbook_type_id, M.select.handbook_type_id),
    handbook_grade: optionalText('手帳の等級', 20),
    care_level_id: selectId(allowed.care_level_id, M.select.care_level_id),
    living: oneOf(LIVING, M.living),
    welfare_status: oneOf(WELFARE, M.welfare),
    guardianship_type_id: selectId(allowed.guardianship_type_id, M.select.guardianship_type_id),
    guardian_name: optionalText('後見人等の氏名', 100),
    guardian_relation_id: selectId(allowed.guardian_relation_id, M.select.guardian_relation_id),
    notes: optionalText('備考', 5000),
  });
}

export const personCreateSchema = (ctx: PersonSchemaContext) =>
  personSchema(ctx).extend({ confirm_distinct: checkbox });

export const personUpdateSchema = (ctx: PersonSchemaContext) => personSchema(ctx).extend({ version: versionField });

export type PersonForm = z.infer<ReturnType<typeof personSchema>>;

export const MERGE_MESSAGES = {
  other: '統合する記録を選んでください',
  confirm: '内容を確認し「この内容で統合する」にチェックを入れてください',
  self: '同じ記録どうしは統合できません',
  merged: '統合済みの記録は統合できません',
  missing: '統合する記録が見つかりません',
  stale: 'どちらかの記録が、画面を開いた後に更新されました。最新の内容を確認してから、もう一度統合してください',
} as const;

export const mergeSchema = z.object({
  other_id: z.string({ error: MERGE_MESSAGES.other }).regex(/^\d{1,9}$/, MERGE_MESSAGES.other).transform(Number),
  version: versionField,
  other_version: versionField,
  confirm: z.literal('1', { error: MERGE_MESSAGES.confirm }),
});

export interface FormContext {
  lookups: Lookups;
  today: string;
  options: ReturnType<typeof selectOptions>;
  schema: PersonSchemaContext;
}

/** What the person form needs: the select options (plus the record's own retired values) and today. */
export async function formContext(req: Request, current?: Partial<PersonValues>): Promise<FormContext> {
  const lookups = await loadLookups(req.deps.db);
  const day = today(req);
  return { lookups, today: day, options: selectOptions(lookups, current), schema: { today: day, allowed: allowedIds(lookups, current) } };
}

/** A saved record as the form shows it. */
export function formValues(p: Partial<PersonValues>): Record<string, string> {
  return Object.fromEntries(PERSON_COLUMNS.map((c) => [c, p[c] === null || p[c] === undefined ? '' : String(p[c])]));
}

/** Only the person columns of a parsed form (drops version, confirm_distinct …). */
export function pickValues(data: PersonValues): PersonValues {
  return Object.fromEntries(PERSON_COLUMNS.map((c) => [c, data[c]])) as unknown as PersonValues;
}

/**
 * Possible duplicates said with the form's other errors (not only once those are fixed): when the
 * birth date and the 氏名 or 氏名カナ parsed but something else did not, the persons that may be
 * the same (possibleDuplicates) are listed. A form that parses in full is checked by createPerson.
 */
export async function withDuplicates(req: Request, failed: { errors: FieldErrors; errorList: ErrorItem[] }, parsed: Partial<PersonValues & { confirm_distinct: boolean }>) {
  const none = { form: failed, candidates: [] as Candidate[] };
  if (parsed.confirm_distinct || !parsed.birth_date || (!parsed.name && !parsed.name_kana)) return none;
  const candidates = await possibleDuplicates(req.deps.db, { name: parsed.name ?? '', name_kana: parsed.name_kana ?? '', birth_date: parsed.birth_date });
  if (!candidates.length) return none;
  const message = PERSON_MESSAGES.duplicate;
  return { form: { errors: { ...failed.errors, confirm_distinct: message }, errorList: [...failed.errorList, { field: 'confirm_distinct', message }] }, candidates };
}
