/**
 * Reading one row of a subsidy ledger: the column names, the Japanese reasons, the masters a row is
 * checked against (wards, 成年後見人等と本人との関係, the caps with their validity) and the cell readers.
 */
import { Knex } from 'knex';
import { toWareki } from '../../lib/dates';
import { codeListLookup, LabelLookup, normalizeLabel, wardLookup } from '../imports/import-cells';
import { emptyRequired, shown } from '../imports/import-messages';
import { CapRow, loadCaps } from './subsidies-cap';

export const C = {
  name: '氏名', kana: '氏名カナ', birth: '生年月日', ward: '区', relation: '後見人等種別', petitionType: '申立種別',
  courtDecided: '報酬付与審判日', from: '対象期間開始', to: '対象期間終了', fee: '報酬付与額', home: '在宅月数', facility: '施設月数',
  funding: '財源区分', decision: '決定', decided: '決定日', granted: '助成額', paid: '支払日',
} as const;

const list = (values: readonly string[]) => values.join('・');

export const SUBSIDY_IMPORT_MESSAGES = {
  kana: (v: string) => `${C.kana}「${shown(v)}」はカタカナで書いてください（ひらがな・半角カナも使えます）`,
  tooLong: (column: string) => `${column}は100文字以内で書いてください`,
  oneOf: (column: string, v: string, values: readonly string[]) => `${column}「${shown(v)}」は ${list(values)} のいずれかで書いてください`,
  relative: (v: string) => `${C.relation}「${shown(v)}」は親族のため、報酬助成の対象外です`,
  yen: (column: string, v: string) => `${column}「${shown(v)}」は0以上の整数（円）で書いてください`,
  months: (column: string, v: string) => `${column}「${shown(v)}」は0〜120の整数で書いてください`,
  before: (later: string, laterOn: string, earlier: string, earlierOn: string) =>
    `${later}（${toWareki(laterOn)}）が${earlier}（${toWareki(earlierOn)}）より前の日付です`,
  noMonths: `${C.home}と${C.facility}の合計を1か月以上にしてください`,
  tooManyMonths: (n: number) => `${C.home}と${C.facility}の合計が対象期間の月数（${n}か月）を超えています`,
  noCaps: (on: string) => `${C.from}（${toWareki(on)}）に適用される報酬助成の上限額がマスタにありません`,
  grantedRequired: `${C.decision}が承認の行は${C.granted}を書いてください`,
  overCap: (granted: string, limit: string, working: string) => `${C.granted} ${granted} が上限額 ${limit}（${working}）を超えています`,
  notOnRejection: (column: string) => `${C.decision}が却下の行に${column}は書けません`,
};
const M = SUBSIDY_IMPORT_MESSAGES;

export interface SubsidyMasters { wards: LabelLookup; relations: LabelLookup; caps: CapRow[] }

export async function loadSubsidyMasters(db: Knex | Knex.Transaction): Promise<SubsidyMasters> {
  return { wards: await wardLookup(db), relations: await codeListLookup(db, 'guardian_relation'), caps: await loadCaps(db) };
}

/** One of fixed values (required). */
export function choiceCell<T extends string>(column: string, value: string, values: readonly T[], reasons: string[]): T | null {
  if (value === '') {
    reasons.push(emptyRequired(column));
    return null;
  }
  const v = normalizeLabel(value);
  if ((values as readonly string[]).includes(v)) return v as T;
  reasons.push(M.oneOf(column, value, values));
  return null;
}

/** Yen: digits (全角, commas and a trailing 円 accepted); empty → null (the caller says whether it may be). */
export function yenCell(column: string, value: string, reasons: string[]): number | null {
  if (value === '') return null;
  const s = value.normalize('NFKC').replace(/[,\s]/g, '').replace(/円$/, '');
  if (/^\d{1,9}$/.test(s)) return Number(s);
  reasons.push(M.yen(column, value));
  return null;
}

/** Months 0–120; empty → 0. */
export function monthsCell(column: string, value: string, reasons: string[]): number {
  if (value === '') return 0;
  const s = value.normalize('NFKC').trim();
  if (/^\d{1,3}$/.test(s) && Number(s) <= 120) return Number(s);
  reasons.push(M.months(column, value));
  return 0;
}
