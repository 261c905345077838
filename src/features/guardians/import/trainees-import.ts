/**
 * Import kind 'trainees': the roster from the center's ledgers (upload at /guardians/trainees/import,
 * or `npm run cli -- import trainees FILE`), all or nothing. Historical steps are taken as given:
 * a bank registration that breaks today's rule (completion, a year as 支援員, a follow-up) is listed
 * as a warning, not refused.
 */
import { describeDate, fiscalYearName, toWareki } from '../../../lib/dates';
import type { ImportSpec, ImportActor } from '../../../contracts/import-kind';
import { T } from './guardians-import-cells';
import { loadTraineeImport, TraineeImportContext, validateTraineeRow } from './trainees-import-form';
import { Knex } from 'knex';

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

/**
 * Storing imported trainees inside the import's transaction: the roster record, the course of the
 * year (found, or created without days), the enrolment with its completion taken as given
 * ('historical'), and the bank and 協力員 periods as open periods.
 */
export interface TraineeImport {
  name: string;
  name_kana: string;
  kana_key: string;
  birth_date: string;
  course_fy: number | null;
  completed_on: string | null;
  activity_started_on: string | null;
  bank_on: string | null;
  coop_on: string | null;
}

export const IMPORTED_COURSE_TITLE = '市民後見人養成講座';

async function courseFor(trx: Knex.Transaction, fy: number, actor: ImportActor, known: Map<number, number>): Promise<number> {
  const cached = known.get(fy);
  if (cached !== undefined) return cached;
  const found = await trx('guardian_courses').where({ fiscal_year: fy }).first('id');
  const stamp = { created_at: actor.now, created_by: actor.userId, updated_at: actor.now, updated_by: actor.userId };
  const id: number = found?.id ?? (await trx('guardian_courses').insert({ fiscal_year: fy, title: IMPORTED_COURSE_TITLE, ...stamp }).returning('id'))[0].id;
  known.set(fy, id);
  return id;
}

export async function insertTrainees(trx: Knex.Transaction, records: TraineeImport[], actor: ImportActor): Promise<void> {
  const stamp = { created_at: actor.now, created_by: actor.userId, updated_at: actor.now, updated_by: actor.userId };
  const courses = new Map<number, number>();
  for (const r of records) {
    const [g] = await trx('citizen_guardians').insert({
      name: r.name, name_kana: r.name_kana, kana_key: r.kana_key, birth_date: r.birth_date, activity_started_on: r.activity_started_on, ...stamp,
    }).returning('id');
    if (r.course_fy !== null) {
      await trx('guardian_course_enrolments').insert({
        course_id: await courseFor(trx, r.course_fy, actor, courses), guardian_id: g.id,
        completed_on: r.completed_on, completion_basis: r.completed_on ? 'historical' : null, ...stamp,
      });
    }
    if (r.bank_on) await trx('guardian_periods').insert({ guardian_id: g.id, kind: 'bank', started_on: r.bank_on, ...stamp });
    if (r.coop_on) await trx('guardian_periods').insert({ guardian_id: g.id, kind: 'cooperator', started_on: r.coop_on, ...stamp });
  }
}
