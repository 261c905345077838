/**
 * A subsidy ledger's columns, the reasons only the import gives, and the masters a row is read
 * against (wards, 成年後見人等と本人との関係).
 */
import { Knex } from 'knex';
import { codeListLookup, LabelLookup, wardLookup } from '../imports';

export const C = {
  name: '氏名', kana: '氏名カナ', birth: '生年月日', ward: '区', relation: '後見人等種別', petitionType: '申立種別',
  courtDecided: '報酬付与審判日', from: '対象期間開始', to: '対象期間終了', fee: '報酬付与額', home: '在宅月数', facility: '施設月数',
  funding: '財源区分', decision: '決定', decided: '決定日', granted: '助成額', paid: '支払日',
} as const;

/** Rules of a past ledger the forms do not need (subsidies-import-form.ts says why). */
export const SUBSIDY_IMPORT_MESSAGES = {
  grantedRequired: `${C.decision}が承認の行は${C.granted}を書いてください（台帳の空欄を上限額とはみなしません）`,
  notOnRejection: (column: string) => `${C.decision}が却下の行に${column}は書けません`,
};

export interface SubsidyMasters { wards: LabelLookup; relations: LabelLookup }

export async function loadSubsidyMasters(db: Knex | Knex.Transaction): Promise<SubsidyMasters> {
  return { wards: await wardLookup(db), relations: await codeListLookup(db, 'guardian_relation') };
}
