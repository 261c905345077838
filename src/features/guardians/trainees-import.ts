/**
 * Import kind 'trainees': the roster from the center's ledgers (upload at /guardians/trainees/import,
 * or `npm run cli -- import trainees FILE`), all or nothing. Historical steps are taken as given:
 * a bank registration that breaks today's rule (completion, a year as 支援員, a follow-up) is listed
 * as a warning, not refused.
 */
import { describeDate, fiscalYearName, toWareki } from '../../lib/dates';
import type { ImportSpec } from '../../contracts/import-kind';
import { T } from './guardians-import-cells';
import { insertTrainees, TraineeImport } from './trainees-import-store';
import { loadTraineeImport, TraineeImportContext, validateTraineeRow } from './trainees-import-form';

const optionalDate = (on: string | null) => (on ? toWareki(on) : '');

export const traineesImport: ImportSpec<TraineeImport, TraineeImportContext> = {
  kind: 'trainees',
  title: '市民後見人名簿',
  path: '/guardians/trainees/import',
  routedByFeature: true,
  listHref: '/guardians',
  listLabel: '市民後見人',
  columns: [
    { name: T.name, required: true, hint: '氏名' },
    { name: T.kana, required: true, hint: 'カタカナ（ひらがな・半角カナも可）。氏名カナと生年月日が同じ人が名簿にいればその行は誤りになります' },
    { name: T.birth, required: true, hint: '1960-04-01、昭和35年4月1日、S35.4.1 のいずれか' },
    { name: T.courseFy, required: false, hint: '受講した養成講座の年度：2021 または 令和3年度。空欄で修了日があれば修了日の年度。その年度の講座がなければ（日程なしで）登録します' },
    { name: T.completed, required: false, hint: '養成講座の修了日。空欄なら未修了（受講中）' },
    { name: T.activity, required: false, hint: '地域生活支援員としての活動を始めた日。空欄なら未開始' },
    { name: T.bank, required: false, hint: 'バンク登録日。空欄なら未登録。条件（修了・支援員1年・フォローアップ研修）を満たさない場合も取り込み、確認画面でお知らせします' },
    { name: T.coop, required: false, hint: '法人後見協力員の開始日。書く場合はバンク登録日以降の日付とバンク登録日が必要です' },
  ],
  example: [
    '氏名,氏名カナ,生年月日,養成講座年度,修了日,支援員活動開始日,バンク登録日,協力員開始日',
    '熊本 一子,クマモト イチコ,1960-04-01,令和3年度,2022/2/20,2022/4/1,2023/6/1,',
    '阿蘇 二郎,アソ ジロウ,S30.5.5,2023,,,,',
  ].join('\n'),

  loadContext: loadTraineeImport,
  validate: validateTraineeRow,

  previewHeaders: [T.name, T.kana, T.birth, '養成講座', T.completed, T.activity, T.bank, T.coop],
  preview(r, ctx) {
    const course = r.course_fy === null ? '' : `${fiscalYearName(r.course_fy)}${ctx.courses.has(r.course_fy) ? '' : '（講座を新しく登録）'}`;
    return [r.name, r.name_kana, describeDate(r.birth_date), course, optionalDate(r.completed_on), optionalDate(r.activity_started_on), optionalDate(r.bank_on), optionalDate(r.coop_on)];
  },

  // the person (one already on the roster is refused anyway)
  fingerprint: (r) => [r.kana_key, r.birth_date],

  insert: insertTrainees,
};
