/**
 * A petitions ledger row through the forms that enter the same by hand: the person form (氏名,
 * カナ, 生年月日, 区), the petition's edit form (validateRecord: 区, 根拠法, 類型, the stage dates
 * it holds, 事件番号, future dates, 審判日 after 申立日 …) and each stage's date rule
 * (checkStageDate: not in the future, not before an earlier stage's date). Kept apart on purpose:
 * - the past stages without a date are recorded as 完了（日付不明・過去分）: the stage form records
 *   one stage at a time, in order, each with a date;
 * - 緊急度 is not a ledger column: the form checks the stored default (通常);
 * - 根拠法 may be written by the law's name alone; a 事件番号 needs the 申立日 (import rule);
 * - retired masters are offered (old ledgers name them).
 */
import { Knex } from 'knex';
import { parseForm } from '../../../http/forms';
import { choiceOf, formBody, FormMapping, rowReasons, loadPersonForm, PersonForm, rowPerson } from '../../imports';
import type { Cells, RowResult } from '../../../contracts/import-kind';
import { checkStageDate, RecordedStage } from '../stages/petition-stages';
import { C, loadPetitionMasters, PETITION_IMPORT_MESSAGES as M, PetitionMasters, STAGE_DATE_COLUMNS } from './petitions-import-cells';
import type { PetitionImport } from './petitions-import-store';
import { stageSchema } from '../petitions-progress-schema';
import { editSchema, validateRecord } from '../record/petitions-schema';
import { Allowed, loadPetitionOptions } from '../petitions-options';

export interface PetitionImportContext extends PetitionMasters {
  today: string;
  person: PersonForm;
  record: ReturnType<typeof editSchema>;
}

const RECORD: FormMapping = {
  columns: {
    ward_id: C.ward, legal_basis_id: C.basis, type_sought_id: C.type, case_number: C.caseNumber,
    ...Object.fromEntries(STAGE_DATE_COLUMNS.filter((s) => s.field !== null).map((s) => [s.field, s.name])),
  },
  standIns: ['urgency', 'version'],
};
const PERSON_COLUMNS = { name: C.name, name_kana: C.kana, birth_date: C.birth, ward_id: C.ward };

export async function loadPetitionImport(db: Knex | Knex.Transaction, today: string): Promise<PetitionImportContext> {
  const o = await loadPetitionOptions(db);
  const every = (choices: { id: number }[]) => new Set(choices.map((c) => c.id));
  const allowed: Allowed = {
    ward_id: every(o.wards), legal_basis_id: every(o.lists.legal_basis), type_sought_id: every(o.lists.guardianship_type),
    decision_type_id: every(o.lists.guardianship_type), guardian_relation_id: every(o.lists.guardian_relation), motive_ids: every(o.lists.petition_motive),
  };
  return { ...(await loadPetitionMasters(db)), today, person: await loadPersonForm(db, today), record: editSchema(allowed) };
}

/** The stage dates written, through the stage form's date field and its rule, in stage order. */
function stageDates(r: ReturnType<typeof rowReasons>, cells: Cells, today: string): RecordedStage[] {
  const recorded: RecordedStage[] = [];
  for (const column of STAGE_DATE_COLUMNS) {
    if (cells[column.name] === '') continue;
    const mapping = { columns: { stage_on: column.name }, standIns: ['stage', 'stage_status', 'stage_note'] };
    const form = parseForm(stageSchema, { stage: String(column.stage), stage_status: 'done', stage_on: cells[column.name], stage_note: '' });
    if (!form.ok) { r.form(form.errorList, mapping); continue; }
    const problem = checkStageDate(recorded, column.stage, form.data.stage_on, today);
    if (problem) r.form([{ field: 'stage_on', message: problem }], mapping);
    recorded.push({ stage: column.stage, status: 'done', completed_on: form.data.stage_on });
  }
  return recorded;
}

export function validatePetitionRow(cells: Cells, ctx: PetitionImportContext): RowResult<PetitionImport> {
  const r = rowReasons(cells);
  const ward = choiceOf(ctx.wards, cells[C.ward]);
  const person = rowPerson(r, ctx.person, {
    values: { name: cells[C.name], name_kana: cells[C.kana], birth_date: cells[C.birth], ward_id: ward }, columns: PERSON_COLUMNS,
  });
  const dates = Object.fromEntries(STAGE_DATE_COLUMNS.filter((s) => s.field !== null).map((s) => [s.field, cells[s.name]]));
  const form = validateRecord(ctx.record, formBody(ctx.record.shape, {
    ward_id: ward, legal_basis_id: choiceOf(ctx.bases, cells[C.basis]), type_sought_id: choiceOf(ctx.types, cells[C.type]),
    case_number: cells[C.caseNumber], ...dates, urgency: '通常', version: '1', motive_ids: undefined,
  }), ctx.today);
  if (!form.ok) r.form(form.errorList, RECORD);
  const dated = stageDates(r, cells, ctx.today);
  if (cells[C.caseNumber] !== '' && cells[STAGE_DATE_COLUMNS.find((s) => s.field === 'filed_on')!.name] === '') r.reasons.push(M.caseNumberWithoutFiling);
  if (!form.ok || !person) return r.done<PetitionImport>(null);
  const d = form.data;
  return r.done({
    ...person, ward_id: d.ward_id, legal_basis_id: d.legal_basis_id, type_sought_id: d.type_sought_id, case_number: d.case_number,
    dated: dated.map((s) => ({ stage: s.stage, on: s.completed_on!, field: STAGE_DATE_COLUMNS.find((c) => c.stage === s.stage)!.field })),
  });
}
