import { z } from 'zod';
import { optionalDateField, versionField } from '../../http/schema-fields';
import { isKatakana, normalizeKana, phoneDigits } from '../../lib/kana';
import { LIVING, WELFARE } from './persons-fields';
import { SelectField } from './persons-lookups';

export const PERSON_MESSAGES = {
  name: '氏名を100文字以内で入力してください',
  nameKana: '氏名カナを100文字以内で入力してください',
  nameKanaChars: '氏名カナはカタカナで入力してください（ひらがな・半角カナも使えます）',
  birthDate: '生年月日を正しい日付で入力してください（例：1945-04-01、昭和20年4月1日、S20.4.1）',
  birthFuture: '生年月日に今日より後の日付は入力できません',
  address: '住所を200文字以内で入力してください',
  phone: '電話番号は市外局番から10桁または11桁の数字で入力してください',
  handbookGrade: '手帳の等級を20文字以内で入力してください',
  guardianName: '後見人等の氏名を100文字以内で入力してください',
  notes: '備考を5000文字以内で入力してください',
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

/** Optional free text: trimmed, '' → null. */
function optionalText(max: number, message: string) {
  return z.string({ error: message }).optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(max, message))
    .transform((v) => v || null);
}

/** An id chosen from a select: one of `allowed` (active entries, or the record's own value), '' → null. */
function selectId(allowed: Set<number>, message: string) {
  return z.string({ error: message }).optional().transform((v, ctx) => {
    if (v === undefined || v === '') return null;
    const n = Number(v);
    if (!/^\d{1,9}$/.test(v) || !allowed.has(n)) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return n;
  });
}

function optionalChoice<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.string({ error: message }).optional()
    .transform((v) => v || null)
    .pipe(z.enum(values, { error: message }).nullable());
}

export interface PersonSchemaContext {
  today: string;
  allowed: Record<SelectField, Set<number>>;
}

export function personSchema({ today, allowed }: PersonSchemaContext) {
  const M = PERSON_MESSAGES;
  return z.object({
    name: z.string({ error: M.name }).trim().min(1, M.name).max(100, M.name),
    name_kana: z.string({ error: M.nameKana }).transform(normalizeKana)
      .pipe(z.string().min(1, M.nameKana).max(100, M.nameKana).refine(isKatakana, M.nameKanaChars)),
    birth_date: optionalDateField(M.birthDate).refine((v) => v === null || v <= today, M.birthFuture),
    sex_id: selectId(allowed.sex_id, M.select.sex_id),
    ward_id: selectId(allowed.ward_id, M.select.ward_id),
    address: optionalText(200, M.address),
    phone: optionalText(30, M.phone).refine((v) => v === null || /^\d{10,11}$/.test(phoneDigits(v)), M.phone),
    condition_id: selectId(allowed.condition_id, M.select.condition_id),
    handbook_type_id: selectId(allowed.handbook_type_id, M.select.handbook_type_id),
    handbook_grade: optionalText(20, M.handbookGrade),
    care_level_id: selectId(allowed.care_level_id, M.select.care_level_id),
    living: optionalChoice(LIVING, M.living),
    welfare_status: optionalChoice(WELFARE, M.welfare),
    guardianship_type_id: selectId(allowed.guardianship_type_id, M.select.guardianship_type_id),
    guardian_name: optionalText(100, M.guardianName),
    guardian_relation_id: selectId(allowed.guardian_relation_id, M.select.guardian_relation_id),
    notes: optionalText(5000, M.notes),
  });
}

export const personCreateSchema = (ctx: PersonSchemaContext) =>
  personSchema(ctx).extend({ confirm_distinct: z.unknown().optional().transform((v) => v === '1') });

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
