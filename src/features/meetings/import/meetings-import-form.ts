/**
 * A meetings ledger row (one case of a past matching meeting) through the forms that enter the
 * same by hand: the person form, the meeting form (readMeetingForm: 会議日, not in the future) and
 * the case form (validateCase: 推薦種別, 候補者, 受任可否, 家裁送付日 not before the meeting nor in
 * the future). Kept apart on purpose:
 * - the person is matched by 氏名カナ + 生年月日 (else registered under the kana), not picked:
 *   the case form's person and petition choices are not the row's (imported cases link no petition);
 * - a blank 受任可否 is 未定 (the form makes one choose);
 * - a 会議日 that already has a meeting is refused, so a meeting is never split over two imports;
 * - retired guardian kinds are offered (old ledgers name them).
 */
import { Knex } from 'knex';
import { parseForm } from '../../../http/forms';
import { toWareki } from '../../../lib/dates';
import { normalizeKana } from '../../../lib/kana';
import { choiceOf, formBody, FormMapping, rowReasons, loadPersonForm, PersonForm, rowPerson, emptyRequired, LabelLookup, labelLookup, wardLookup } from '../../imports';
import type { Cells, RowResult } from '../../../contracts/import-kind';
import { caseSchema, validateCase } from '../cases/meeting-cases-schema';
import { readMeetingForm } from '../meetings-form';
import type { MeetingImport } from './meetings-import-store';
import { loadMeetingOptions, MeetingOptions } from '../meetings-options';

export const C = { date: '会議日', kana: '氏名カナ', birth: '生年月日', ward: '区', type: '推薦種別', candidate: '候補者', accepted: '受任可否', sent: '家裁送付日' } as const;

export const MEETING_IMPORT_MESSAGES = {
  exists: (held: string) => `${C.date}（${toWareki(held)}）の受任調整会議は既に登録されています。この日の検討案件は会議の画面で登録してください`,
};
const M = MEETING_IMPORT_MESSAGES;

export interface MeetingImportContext {
  db: Knex | Knex.Transaction;
  today: string;
  options: MeetingOptions;
  /** every guardian kind id (retired too) */
  kinds: number[];
  kindLabels: LabelLookup;
  wards: LabelLookup;
  person: PersonForm;
  /** 会議日 that already have a meeting */
  existing: Set<string>;
}

const MEETING: FormMapping = { columns: { held_on: C.date } };
const CASE: FormMapping = {
  columns: { recommended_type_id: C.type, candidate_name: C.candidate, candidate_accepted: C.accepted, sent_to_court_on: C.sent },
  ignored: ['person_id', 'petition_id'],
};

export async function loadMeetingImport(db: Knex | Knex.Transaction, today: string): Promise<MeetingImportContext> {
  const options = await loadMeetingOptions(db);
  const rows: { held_on: string }[] = await db('meetings').whereNull('deleted_at').distinct('held_on');
  return {
    db, today, options, kinds: options.kinds.map((k) => k.id), kindLabels: labelLookup(options.kinds), wards: await wardLookup(db),
    person: await loadPersonForm(db, today), existing: new Set(rows.map((r) => r.held_on)),
  };
}

export async function validateMeetingRow(cells: Cells, ctx: MeetingImportContext): Promise<RowResult<MeetingImport>> {
  const r = rowReasons(cells);
  const ward = choiceOf(ctx.wards, cells[C.ward]);
  const person = rowPerson(r, ctx.person, {
    values: { name: normalizeKana(cells[C.kana]), name_kana: cells[C.kana], birth_date: cells[C.birth], ward_id: ward },
    columns: { name: C.kana, name_kana: C.kana, birth_date: C.birth, ward_id: C.ward },
  });
  const meeting = readMeetingForm({ held_on: cells[C.date], place: '', minutes: '' }, ctx.options, [], false, ctx.today);
  if (!meeting.ok) r.form(meeting.errorList, MEETING);
  const heldOn = meeting.ok ? meeting.data.held_on : null;
  if (heldOn !== null && ctx.existing.has(heldOn)) r.reasons.push(M.exists(heldOn));
  // a person registered by the import takes the row's ward
  if (cells[C.ward] === '') r.reasons.push(emptyRequired(C.ward));
  const body = formBody(caseSchema(new Set()).shape, {
    recommended_type_id: choiceOf(ctx.kindLabels, cells[C.type]), candidate_name: cells[C.candidate],
    candidate_accepted: cells[C.accepted] === '' ? '未定' : cells[C.accepted].normalize('NFKC'), sent_to_court_on: cells[C.sent], person_id: '', petition_id: '',
  });
  const checked = await validateCase(ctx.db, body, {
    o: ctx.options, held: ctx.kinds, editing: false, heldOn: heldOn ?? '', today: ctx.today, lockedPetition: null, heldGuardian: null,
  });
  if (!checked.ok) r.form(checked.errorList, CASE);
  const fields = parseForm(caseSchema(new Set(ctx.kinds)), body);
  if (!fields.ok || !person || heldOn === null) return r.done<MeetingImport>(null);
  const d = fields.data;
  return r.done({
    ...person, ward_id: Number(ward), held_on: heldOn, recommended_type_id: d.recommended_type_id, candidate_name: d.candidate_name,
    candidate_accepted: d.candidate_accepted, sent_to_court_on: d.sent_to_court_on,
  });
}
