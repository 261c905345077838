/**
 * Import kind 'meetings': a ledger of past matching meetings, one row per case, through the shared
 * pipeline (upload at /meetings/import, or `npm run cli -- import meetings FILE`), all or nothing.
 * Rows with the same 会議日 form one meeting; a 会議日 that already has a meeting is refused (so a
 * file is never imported twice). The person is matched by 氏名カナ + 生年月日, else registered
 * with the kana as the name. Imported cases link no petition, so no stage is recorded.
 */
import { describeDate, toWareki } from '../../../lib/dates';
import { labelOf } from '../../imports';
import type { ImportSpec } from '../../../contracts/import-kind';
import { ACCEPTED_LABELS } from '../meetings-options';
import { insertMeetings, MeetingImport } from './meetings-import-store';
import { C, loadMeetingImport, MeetingImportContext, validateMeetingRow } from './meetings-import-form';

export { C, MEETING_IMPORT_MESSAGES } from './meetings-import-form';

export const meetingsImport: ImportSpec<MeetingImport, MeetingImportContext> = {
  kind: 'meetings',
  title: '受任調整会議',
  path: '/meetings/import',
  routedByFeature: true,
  listHref: '/meetings',
  listLabel: '受任調整会議',
  columns: [
    { name: C.date, required: true, hint: '2024-05-10、令和6年5月10日、R6.5.10 のいずれか（未来の日付は書けません）。同じ会議日の行は1つの会議の検討案件になります（既に会議がある日は取り込めません）' },
    { name: C.kana, required: true, hint: 'カタカナ（ひらがな・半角カナも可）。氏名カナと生年月日が同じ本人が登録済みならその本人に、なければ氏名カナを氏名として本人を新しく登録します' },
    { name: C.birth, required: true, hint: '1945-04-01、昭和20年4月1日、S20.4.1 のいずれか' },
    { name: C.ward, required: true, hint: '中央区・東区・西区・南区・北区（本人を新しく登録するときの区）' },
    { name: C.type, required: true, hint: '弁護士・司法書士・社会福祉士・精神保健福祉士・市民後見人・法人後見・親族（後見人等の種別のマスタの名称）' },
    { name: C.candidate, required: false, hint: '候補者の氏名など。空欄可' },
    { name: C.accepted, required: false, hint: '可 または 否。空欄は未定' },
    { name: C.sent, required: false, hint: '結果を家庭裁判所に送った日。空欄可' },
  ],
  example: [
    '会議日,氏名カナ,生年月日,区,推薦種別,候補者,受任可否,家裁送付日',
    'R6.5.10,クマモト ハナコ,昭和15年5月1日,東区,社会福祉士,熊本 一郎,可,R6.5.20',
    'R6.5.10,ヒゴ タロウ,1960-02-11,北区,市民後見人,,,',
  ].join('\n'),

  loadContext: loadMeetingImport,
  validate: validateMeetingRow,

  previewHeaders: [C.date, C.kana, C.birth, C.ward, C.type, C.candidate, C.accepted, C.sent],
  preview(r, ctx) {
    return [
      describeDate(r.held_on), r.name_kana, toWareki(r.birth_date), labelOf(ctx.wards, r.ward_id), labelOf(ctx.kindLabels, r.recommended_type_id),
      r.candidate_name ?? '', ACCEPTED_LABELS[r.candidate_accepted], r.sent_to_court_on ? describeDate(r.sent_to_court_on) : '',
    ];
  },

  // the meeting's date and the person (a date already holding a meeting is refused anyway)
  fingerprint: (r) => [r.held_on, r.kana_key, r.birth_date, r.ward_id],

  insert: insertMeetings,
  person(r) { return r; },
};
