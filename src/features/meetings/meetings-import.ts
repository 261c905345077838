/**
 * Import kind 'meetings': a ledger of past matching meetings, one row per case, through the shared
 * pipeline (upload at /meetings/import, or `npm run cli -- import meetings FILE`), all or nothing.
 * Rows with the same 会議日 form one meeting; a 会議日 that already has a meeting is refused (so a
 * file is never imported twice). The person is matched by 氏名カナ + 生年月日, else registered
 * with the kana as the name. Imported cases link no petition, so no stage is recorded.
 */
import { Knex } from 'knex';
import { describeDate, toWareki } from '../../lib/dates';
import { isKatakana, kanaSearchKey, normalizeKana } from '../../lib/kana';
import { codeListLookup, dateCell, labelCell, LabelLookup, labelOf, requiredCell, wardLookup } from '../imports/import-cells';
import { shown } from '../imports/import-messages';
import type { ImportSpec } from '../imports/import-spec';
import { ACCEPTED_LABELS, Accepted } from './meetings-options';
import { insertMeetings, MeetingImport } from './meetings-import-store';

export const C = { date: '会議日', kana: '氏名カナ', birth: '生年月日', ward: '区', type: '推薦種別', candidate: '候補者', accepted: '受任可否', sent: '家裁送付日' } as const;
const NAME_MAX = 100;

export const MEETING_IMPORT_MESSAGES = {
  kana: (v: string) => `${C.kana}「${shown(v)}」はカタカナで書いてください（ひらがな・半角カナも使えます）`,
  tooLong: (column: string) => `${column}は${NAME_MAX}文字以内で書いてください`,
  accepted: (v: string) => `${C.accepted}「${shown(v)}」は 可・否 のどちらかで書くか、空欄（未定）にしてください`,
  sentBefore: (sent: string, held: string) => `${C.sent}（${toWareki(sent)}）が${C.date}（${toWareki(held)}）より前の日付です`,
  exists: (held: string) => `${C.date}（${toWareki(held)}）の受任調整会議は既に登録されています。この日の検討案件は会議の画面で登録してください`,
};
const M = MEETING_IMPORT_MESSAGES;

export interface MeetingImportContext { wards: LabelLookup; kinds: LabelLookup; existing: Set<string> }

function acceptedCell(v: string, reasons: string[]): Accepted | null {
  const s = v.normalize('NFKC').trim();
  if (s === '' || s === '未定') return '未定';
  if (s === '可' || s === '否') return s;
  reasons.push(M.accepted(v));
  return null;
}

function kanaCell(v: string, reasons: string[]): string | null {
  const text = requiredCell(C.kana, v, reasons);
  if (text === null) return null;
  const kana = normalizeKana(text);
  if (!isKatakana(kana)) reasons.push(M.kana(text));
  else if (kana.length > NAME_MAX) reasons.push(M.tooLong(C.kana));
  else return kana;
  return null;
}

export const meetingsImport: ImportSpec<MeetingImport, MeetingImportContext> = {
  kind: 'meetings',
  title: '受任調整会議',
  path: '/meetings/import',
  routedByFeature: true,
  listHref: '/meetings',
  listLabel: '受任調整会議',
  columns: [
    { name: C.date, required: true, hint: '2024-05-10、令和6年5月10日、R6.5.10 のいずれか。同じ会議日の行は1つの会議の検討案件になります（既に会議がある日は取り込めません）' },
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

  async loadContext(db: Knex | Knex.Transaction): Promise<MeetingImportContext> {
    const rows: { held_on: string }[] = await db('meetings').whereNull('deleted_at').distinct('held_on');
    return { wards: await wardLookup(db), kinds: await codeListLookup(db, 'guardian_kind'), existing: new Set(rows.map((r) => r.held_on)) };
  },

  validate(cells, ctx) {
    const reasons: string[] = [];
    const heldOn = dateCell(C.date, cells[C.date], reasons, true);
    if (heldOn !== null && ctx.existing.has(heldOn)) reasons.push(M.exists(heldOn));
    const kana = kanaCell(cells[C.kana], reasons);
    const birth = dateCell(C.birth, cells[C.birth], reasons, true);
    const wardText = requiredCell(C.ward, cells[C.ward], reasons);
    const wardId = wardText === null ? null : labelCell(C.ward, wardText, ctx.wards, reasons);
    const typeText = requiredCell(C.type, cells[C.type], reasons);
    const typeId = typeText === null ? null : labelCell(C.type, typeText, ctx.kinds, reasons);
    const candidate = cells[C.candidate] === '' ? null : cells[C.candidate];
    if (candidate !== null && candidate.length > NAME_MAX) reasons.push(M.tooLong(C.candidate));
    const accepted = acceptedCell(cells[C.accepted], reasons);
    const sent = dateCell(C.sent, cells[C.sent], reasons, false);
    if (sent !== null && heldOn !== null && sent < heldOn) reasons.push(M.sentBefore(sent, heldOn));
    if (reasons.length > 0 || heldOn === null || kana === null || birth === null || wardId === null || typeId === null || accepted === null) {
      return { ok: false, reasons };
    }
    return {
      ok: true,
      record: {
        held_on: heldOn, name: kana, name_kana: kana, kana_key: kanaSearchKey(kana), birth_date: birth, ward_id: wardId,
        recommended_type_id: typeId, candidate_name: candidate, candidate_accepted: accepted, sent_to_court_on: sent,
      },
    };
  },

  previewHeaders: [C.date, C.kana, C.birth, C.ward, C.type, C.candidate, C.accepted, C.sent],
  preview(r, ctx) {
    return [
      describeDate(r.held_on), r.name_kana, toWareki(r.birth_date), labelOf(ctx.wards, r.ward_id), labelOf(ctx.kinds, r.recommended_type_id),
      r.candidate_name ?? '', ACCEPTED_LABELS[r.candidate_accepted], r.sent_to_court_on ? describeDate(r.sent_to_court_on) : '',
    ];
  },

  // the meeting's date and the person (a date already holding a meeting is refused anyway)
  fingerprint: (r) => [r.held_on, r.kana_key, r.birth_date, r.ward_id],

  insert: insertMeetings,
};
