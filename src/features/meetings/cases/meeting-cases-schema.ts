/**
 * The case form: person and petition (checked against the database by validateCase below),
 * the needs, the recommendation, the candidate, the reasons, the answer, the date sent to the court
 * and the type appointed. The candidate is its own group (candidateShape): the free-text name and
 * the citizen guardian chosen from the bank (one of the ids the form offered).
 */
import { Knex } from 'knex';
import { z } from 'zod';
import { FieldErrors, FormResult, parseFormAsync } from '../../../http/forms';
import { FIELD_MESSAGES as F, optionalDateField, optionalText, requiredOneOf, requiredSelectId, selectId, versionField } from '../../../http/schema-fields';
import { ACCEPTED_VALUES, allowedIds, MeetingOptions } from '../meetings-options';
import { pickedPerson } from '../../persons';
import { petitionPersonId } from '../../petitions';
import { bankGuardianChoices } from './meeting-cases-queries';

export const CASE_MESSAGES = {
  person: '本人を検索して選択してください',
  searchKana: '検索する氏名カナを入力してください（例：ヤマダ）',
  petition: '申立てを一覧から選択してください',
  petitionOfOther: '選んだ申立ては、選んだ本人の申立てではありません。申立てを選び直してください',
  petitionLocked: (id: number) => `この検討案件は市長申立て（番号 ${id}）の段階6「受任調整」の記録です。申立ての画面で段階6の記録を取り消してから変更してください`,
  needs: F.tooLong('課題の概要', 2000),
  recommended: '推薦する後見人等の種別を選択してください',
  candidate: F.tooLong('候補者', 100),
  candidateGuardian: 'バンク登録者から選ぶ場合は、現在バンクに登録されている市民後見人を一覧から選択してください',
  reasons: F.tooLong('推薦の理由', 2000),
  accepted: '候補者の受任の意向（可・否・未定）を選択してください',
  sentOn: F.date('家庭裁判所への送付日'),
  sentBefore: '家庭裁判所への送付日は会議の開催日以降の日付を入力してください',
  future: '未来の日付は入力できません',
  appointed: '選任された後見人等の種別を一覧から選択してください',
  noPetition: 'この検討案件には市長申立てが選ばれていません。段階6を記録するには、編集で申立てを選んでください',
  deleteLinked: (id: number) => `この検討案件は市長申立て（番号 ${id}）の段階6「受任調整」の記録です。先に申立ての画面で段階6の記録を取り消してください`,
} as const;
const M = CASE_MESSAGES;

/** The candidate group: a free-text name and/or a citizen guardian from the bank (`guardians`: the ids offered). */
export const candidateShape = (guardians: Set<number>) => ({
  candidate_name: optionalText('候補者', 100),
  candidate_guardian_id: selectId(guardians, M.candidateGuardian),
});

export function caseSchema(kinds: Set<number>, guardians: Set<number> = new Set()) {
  return z.object({
    needs_summary: optionalText('課題の概要', 2000),
    recommended_type_id: requiredSelectId(kinds, M.recommended),
    ...candidateShape(guardians),
    reasons: optionalText('推薦の理由', 2000),
    candidate_accepted: requiredOneOf(ACCEPTED_VALUES, M.accepted),
    sent_to_court_on: optionalDateField('家庭裁判所への送付日'),
    appointed_type_id: selectId(kinds, M.appointed),
  });
}
export type CaseFields = z.infer<ReturnType<typeof caseSchema>>;

export const caseEditSchema = (kinds: Set<number>, guardians: Set<number> = new Set()) => caseSchema(kinds, guardians).extend({ version: versionField });

/** The form's fields in page order, for the error summary. */
export const CASE_FIELD_ORDER = ['person_id', 'person_kana', 'petition_id', 'needs_summary', 'recommended_type_id', ...Object.keys(candidateShape(new Set())),
  'reasons', 'candidate_accepted', 'sent_to_court_on', 'appointed_type_id', 'version'];

export interface CaseForm extends CaseFields { person_id: number; petition_id: number | null; version?: number }

// The case form against the database: the person exists (not merged), the petition is theirs, the dates fit the meeting.

const ID = /^[1-9]\d{0,8}$/;

export interface CaseContext {
  o: MeetingOptions;
  /** code ids the record holds (offered even if retired) */
  held: number[];
  editing: boolean;
  heldOn: string;
  today: string;
  /** the petition whose stage 6 is this case's record: it may not be unlinked */
  lockedPetition: number | null;
  /** the citizen guardian the case names already (offered even if withdrawn from the bank since) */
  heldGuardian: number | null;
}

async function petitionError(db: Knex, raw: unknown, personId: number | null): Promise<{ id: number | null; error?: string }> {
  const s = typeof raw === 'string' ? raw.trim() : '';
  if (s === '') return { id: null };
  if (!ID.test(s)) return { id: null, error: M.petition };
  const owner = await petitionPersonId(db, Number(s));
  if (owner === undefined) return { id: null, error: M.petition };
  return owner === personId ? { id: Number(s) } : { id: null, error: M.petitionOfOther };
}

/**
 * The case form in one round: the fields, the person and the petition (against the database), and
 * the date sent to the court (not in the future, not before the meeting).
 */
export async function validateCase(db: Knex, body: Record<string, unknown>, c: CaseContext): Promise<FormResult<CaseForm>> {
  const kinds = allowedIds(c.o.kinds, c.held);
  const guardians = new Set((await bankGuardianChoices(db, c.heldGuardian)).map((g) => g.id));
  const found: { person: number | null; petition: number | null } = { person: null, petition: null };
  const form = await parseFormAsync(c.editing ? caseEditSchema(kinds, guardians) : caseSchema(kinds, guardians), body, async (f) => {
    const errors: FieldErrors = {};
    const person = await pickedPerson(db, body.person_id);
    if (!person) errors.person_id = M.person;
    const petition = await petitionError(db, body.petition_id, person?.id ?? null);
    if (petition.error && person) errors.petition_id = petition.error;
    if (c.lockedPetition !== null && petition.id !== c.lockedPetition) errors.petition_id = M.petitionLocked(c.lockedPetition);
    if (f.sent_to_court_on && f.sent_to_court_on > c.today) errors.sent_to_court_on = M.future;
    else if (f.sent_to_court_on && f.sent_to_court_on < c.heldOn) errors.sent_to_court_on = M.sentBefore;
    found.person = person?.id ?? null;
    found.petition = petition.id;
    return errors;
  }, CASE_FIELD_ORDER);
  if (!form.ok) return form;
  return { ok: true, data: { ...form.data, person_id: found.person!, petition_id: found.petition } };
}
