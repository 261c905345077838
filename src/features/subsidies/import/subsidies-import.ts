/**
 * Import kind 'subsidies': past subsidy ledgers moved in through the shared pipeline (upload at
 * /subsidies/import with preview and confirmation, or `npm run cli -- import subsidies FILE`),
 * all or nothing, every bad row reported by number.
 */
import { describeDate, toWareki } from '../../../lib/dates';
import { labelOf, personFor } from '../../imports';
import type { ImportSpec, ImportActor } from '../../../contracts/import-kind';
import { C, loadSubsidyImport, SubsidyImportContext, validateSubsidyRow } from './subsidies-import-form';
import { periodText } from '../subsidies-form';
import { yenText, type Decision, type FundingLine, type PetitionType } from '../subsidies-values';
import { Knex } from 'knex';

/**
 * Storing imported past applications inside the import's transaction: the person matched by kana +
 * birth date (else created), the application as decided (決定, or 支払 with a payment date).
 */
export interface SubsidyImport {
  name: string;
  name_kana: string;
  kana_key: string;
  birth_date: string;
  ward_id: number;
  guardian_relation_id: number;
  petition_type: PetitionType;
  court_decided_on: string;
  period_from: string;
  period_to: string;
  fee_awarded_yen: number;
  home_months: number;
  facility_months: number;
  home_cap_yen: number;
  facility_cap_yen: number;
  funding_line: FundingLine;
  decision: Decision;
  decided_on: string;
  /** null on a rejection */
  granted_yen: number | null;
  paid_on: string | null;
}

export async function insertSubsidies(trx: Knex.Transaction, records: SubsidyImport[], actor: ImportActor): Promise<void> {
  const seen = new Map<string, number>();
  for (const r of records) {
    const personId = await personFor(trx, r, actor, seen);
    await trx('subsidies').insert({
      person_id: personId, ward_id: r.ward_id, guardian_relation_id: r.guardian_relation_id, petition_type: r.petition_type,
      court_decided_on: r.court_decided_on, period_from: r.period_from, period_to: r.period_to, fee_awarded_yen: r.fee_awarded_yen,
      home_months: r.home_months, facility_months: r.facility_months, home_cap_yen: r.home_cap_yen, facility_cap_yen: r.facility_cap_yen,
      funding_line: r.funding_line, granted_yen: r.granted_yen, status: r.paid_on ? '支払' : '決定', decision: r.decision,
      decided_on: r.decided_on, paid_on: r.paid_on,
      created_at: actor.now, created_by: actor.userId, updated_at: actor.now, updated_by: actor.userId,
    });
  }
}

const DATE_HINT = '2023-04-01、令和5年4月1日、R5.4.1 のいずれか（未来の日付は書けません）';

export const subsidiesImport: ImportSpec<SubsidyImport, SubsidyImportContext> = {
  kind: 'subsidies',
  title: '報酬助成',
  path: '/subsidies/import',
  routedByFeature: true,
  listHref: '/subsidies',
  listLabel: '報酬助成',
  columns: [
    { name: C.name, required: false, hint: '本人の氏名（任意）。新しく登録する本人に使います。空欄なら氏名カナで登録します' },
    { name: C.kana, required: true, hint: 'カタカナ（ひらがな・半角カナも可）。氏名カナと生年月日が同じ本人が登録済みならその本人に、なければ本人を新しく登録します' },
    { name: C.birth, required: true, hint: DATE_HINT },
    { name: C.ward, required: true, hint: '中央区・東区・西区・南区・北区' },
    { name: C.relation, required: true, hint: '弁護士・司法書士・社会福祉士・市民後見人 など（成年後見人等と本人との関係）。親族は対象外です' },
    { name: C.petitionType, required: true, hint: '市長・本人・親族' },
    { name: C.courtDecided, required: true, hint: DATE_HINT },
    { name: C.from, required: true, hint: `${DATE_HINT}。この日に有効な上限額を使います` },
    { name: C.to, required: true, hint: DATE_HINT },
    { name: C.fee, required: true, hint: '家庭裁判所が決めた報酬額（円、例：240000）' },
    { name: C.home, required: false, hint: '対象期間のうち在宅の月数（空欄は0）' },
    { name: C.facility, required: false, hint: '対象期間のうち施設の月数（空欄は0）' },
    { name: C.funding, required: true, hint: '高齢・障がい' },
    { name: C.decision, required: true, hint: '承認・却下' },
    { name: C.decided, required: true, hint: DATE_HINT },
    { name: C.granted, required: false, hint: '承認の行は必須（円）。上限額以下ならそのまま取り込みます。却下の行は空欄' },
    { name: C.paid, required: false, hint: '支払済みなら支払日。空欄なら「決定（承認）」のまま' },
  ],
  example: [
    '氏名カナ,生年月日,区,後見人等種別,申立種別,報酬付与審判日,対象期間開始,対象期間終了,報酬付与額,在宅月数,施設月数,財源区分,決定,決定日,助成額,支払日',
    'クマモト ハナコ,昭和15年5月1日,東区,社会福祉士,市長,R5.5.10,R4.4.1,R5.3.31,300000,6,6,高齢,承認,R5.6.1,276000,R5.6.30',
    'ヒゴ タロウ,1960-02-11,北区,弁護士,本人,2023-08-01,2022-08-01,2023-07-31,200000,12,0,障がい,却下,2023-09-01,,',
  ].join('\n'),

  loadContext: loadSubsidyImport,
  validate: validateSubsidyRow,

  previewHeaders: [C.kana, C.birth, C.ward, C.relation, C.petitionType, '対象期間', C.fee, '在宅・施設', C.funding, C.decision, C.decided, C.granted, C.paid],
  preview(r, m) {
    return [
      r.name_kana, toWareki(r.birth_date), labelOf(m.wards, r.ward_id), labelOf(m.relations, r.guardian_relation_id), r.petition_type,
      periodText(r.period_from, r.period_to), yenText(r.fee_awarded_yen), `${r.home_months}か月・${r.facility_months}か月`, r.funding_line,
      r.decision, describeDate(r.decided_on), yenText(r.granted_yen), r.paid_on ? describeDate(r.paid_on) : '',
    ];
  },

  // the person, the ward, the court's fee decision and its period
  fingerprint: (r) => [r.kana_key, r.birth_date, r.ward_id, r.court_decided_on, r.period_from, r.period_to],

  insert: insertSubsidies,
  person(r) { return r; },
};
