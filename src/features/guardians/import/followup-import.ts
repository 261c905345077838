/**
 * Import kind 'followup': follow-up attendance from the center's ledgers (upload at
 * /guardians/followups/import, or `npm run cli -- import followup FILE`), all or nothing. One row
 * per attendance; rows with the same 研修日 and 研修名 are one session (found or created); the
 * person is matched on the roster by kana and birth date — an unknown person is a row error.
 */
import { describeDate, parseDateInput } from '../../../lib/dates';
import type { ImportSpec, Cells, RowResult } from '../../../contracts/import-kind';
import { T, GUARDIAN_IMPORT_MESSAGES as M, loadRoster, rosterKey } from './guardians-import-cells';
import { Knex } from 'knex';
import { parseForm } from '../../../http/forms';
import { isKatakana, kanaSearchKey, normalizeKana } from '../../../lib/kana';
import { cellNote, FormMapping, NOT_OFFERED, rowReasons } from '../../imports';
import { followupSchema } from '../followups/followups-schema';

export const followupImport: ImportSpec<FollowupImport, FollowupImportContext> = {
  kind: 'followup',
  title: 'フォローアップ研修の受講記録',
  path: '/guardians/followups/import',
  routedByFeature: true,
  listHref: '/guardians/followups',
  listLabel: 'フォローアップ研修',
  columns: [
    { name: T.kana, required: true, hint: '受講者の氏名カナ。生年月日とあわせて名簿の人と照合します（名簿にいない人の行は誤りです）' },
    { name: T.birth, required: true, hint: '1960-04-01、昭和35年4月1日、S35.4.1 のいずれか' },
    { name: T.heldOn, required: true, hint: '研修の日付（未来の日付は書けません）。研修日と研修名が同じ行は1回の研修として登録します（登録済みならその研修に追加）' },
    { name: T.title, required: true, hint: '研修名（100文字以内）' },
  ],
  example: [
    '氏名カナ,生年月日,研修日,研修名',
    'クマモト イチコ,1960-04-01,2023/1/15,事例検討会',
    'アソ ジロウ,S30.5.5,R5.1.15,事例検討会',
  ].join('\n'),

  loadContext: loadFollowupImport,
  validate: validateFollowupRow,

  previewHeaders: ['受講者', T.heldOn, T.title],
  preview(r, ctx) {
    return [ctx.names.get(r.guardian_id) ?? '', describeDate(r.held_on), r.title];
  },

  // who attended which session (an attendance already recorded is refused anyway)
  fingerprint: (r) => [r.guardian_id, r.held_on, r.title],

  async insert(trx, records, actor) {
    const sessions = new Map<string, number>();
    const stamp = { created_at: actor.now, created_by: actor.userId, updated_at: actor.now, updated_by: actor.userId };
    for (const r of records) {
      const key = `${r.held_on}\u0000${r.title}`;
      let id = sessions.get(key);
      if (id === undefined) {
        const found = await trx('guardian_followup_sessions').where({ held_on: r.held_on, title: r.title }).first('id');
        id = (found?.id ?? (await trx('guardian_followup_sessions').insert({ held_on: r.held_on, title: r.title, ...stamp }).returning('id'))[0].id) as number;
        sessions.set(key, id);
      }
      await trx('guardian_followup_attendance').insert({ session_id: id, guardian_id: r.guardian_id });
    }
  },
};

/**
 * A follow-up attendance row through the follow-up session form (followupSchema: 研修日 not in the
 * future, 研修名 up to 100 characters, the attendee one of the roster). Kept apart on purpose: the
 * attendee is found on the roster by 氏名カナ + 生年月日; a session with the same 研修日 and 研修名
 * is added to (the form would have one edit it instead); an attendance already recorded, or twice
 * in the file, is refused.
 */
export interface FollowupImport { guardian_id: number; held_on: string; title: string }

export interface FollowupImportContext {
  roster: Map<string, { id: number; name: string }>;
  names: Map<number, string>;
  attended: Set<string>;
  seen: Set<string>;
  form: ReturnType<typeof followupSchema>;
}

const attendanceKey = (guardianId: number, on: string, title: string) => `${guardianId}\u0000${on}\u0000${title}`;

export async function loadFollowupImport(db: Knex | Knex.Transaction, today: string): Promise<FollowupImportContext> {
  const roster = await loadRoster(db);
  const rows: { guardian_id: number; held_on: string; title: string }[] = await db('guardian_followup_attendance as a')
    .join('guardian_followup_sessions as s', 's.id', 'a.session_id').select('a.guardian_id', 's.held_on', 's.title');
  const ids = [...roster.values()].map((g) => g.id);
  return {
    roster, names: new Map([...roster.values()].map((g) => [g.id, g.name])),
    attended: new Set(rows.map((r) => attendanceKey(r.guardian_id, r.held_on, r.title))), seen: new Set(), form: followupSchema(today, new Set(ids)),
  };
}

/** The attendee's roster id as the form's checkbox would send it, and why none was found. */
function attendee(cells: Cells, ctx: FollowupImportContext): { value: string; detail?: string } {
  const kana = normalizeKana(cells[T.kana]);
  const birth = parseDateInput(cells[T.birth]);
  const person = isKatakana(kana) && birth.ok ? ctx.roster.get(rosterKey(kanaSearchKey(kana), birth.iso)) : undefined;
  if (person) return { value: String(person.id) };
  return { value: NOT_OFFERED, detail: `${cellNote(T.kana, cells[T.kana])}・${cellNote(T.birth, cells[T.birth])}：${M.unknownTrainee}` };
}

export function validateFollowupRow(cells: Cells, ctx: FollowupImportContext): RowResult<FollowupImport> {
  const r = rowReasons(cells);
  const who = attendee(cells, ctx);
  const form = parseForm(ctx.form, { held_on: cells[T.heldOn], title: cells[T.title], attendee_ids: who.value });
  const mapping: FormMapping = { columns: { held_on: T.heldOn, title: T.title, attendee_ids: T.kana }, details: who.detail ? { attendee_ids: who.detail } : undefined };
  if (!form.ok) {
    r.form(form.errorList, mapping);
    return r.done<FollowupImport>(null);
  }
  const { held_on: heldOn, title, attendee_ids: [guardianId] } = form.data;
  const key = attendanceKey(guardianId, heldOn, title);
  if (ctx.attended.has(key)) r.reasons.push(M.attendedAlready);
  else if (ctx.seen.has(key)) r.reasons.push(M.attendedTwice);
  ctx.seen.add(key);
  return r.done({ guardian_id: guardianId, held_on: heldOn, title });
}
