/**
 * A follow-up attendance row through the follow-up session form (followupSchema: 研修日 not in the
 * future, 研修名 up to 100 characters, the attendee one of the roster). Kept apart on purpose: the
 * attendee is found on the roster by 氏名カナ + 生年月日; a session with the same 研修日 and 研修名
 * is added to (the form would have one edit it instead); an attendance already recorded, or twice
 * in the file, is refused.
 */
import { Knex } from 'knex';
import { parseForm } from '../../http/forms';
import { parseDateInput } from '../../lib/dates';
import { isKatakana, kanaSearchKey, normalizeKana } from '../../lib/kana';
import { cellNote, FormMapping, NOT_OFFERED, rowReasons } from '../imports';
import type { Cells, RowResult } from '../../contracts/import-kind';
import { followupSchema } from './followups-schema';
import { GUARDIAN_IMPORT_MESSAGES as M, loadRoster, rosterKey, T } from './guardians-import-cells';

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

