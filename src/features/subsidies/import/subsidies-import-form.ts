/**
 * A subsidy ledger row (a past application, decided, perhaps paid) through the forms that enter
 * the same by hand: the person form, the application form (validateSubsidy: relatives refused,
 * future dates, the period, the months, the cap), the decision form (decisionRule) and the
 * payment form (paymentRule). Kept apart on purpose:
 * - 受付日, 後見人等の氏名, 助成の要件, 決定番号, 却下の理由 and 支払先 are not ledger columns (old
 *   ledgers never held them; stored empty): the forms check stand-ins, 受付日 being the court's date;
 * - an approval needs its 助成額 (a blank in a ledger is a gap, not 「上限額」 as on the form), and a
 *   rejection has neither 助成額 nor 支払日;
 * - retired masters are offered (old ledgers name them).
 */
import { Knex } from 'knex';
import { parseForm } from '../../../http/forms';
import { parseDateInput } from '../../../lib/dates';
import { normalizeKana } from '../../../lib/kana';
import { choiceOf, formBody, FormMapping, rowReasons, loadPersonForm, PersonForm, rowPerson, normalizeLabel, codeListLookup, LabelLookup, wardLookup } from '../../imports';
import type { Cells, RowResult } from '../../../contracts/import-kind';
import { decisionRule, decisionSchema, paymentRule, paymentSchema } from '../flow/subsidies-flow-schema';
import type { SubsidyImport } from './subsidies-import';
import { createSchema } from '../subsidies-form';
import { validateSubsidy } from '../subsidies-validate';
import { ELIGIBILITIES } from '../subsidies-values';

/**
 * A subsidy ledger's columns, the reasons only the import gives, and the masters a row is read
 * against (wards, 成年後見人等と本人との関係).
 */
export const C = {
  name: '氏名', kana: '氏名カナ', birth: '生年月日', ward: '区', relation: '後見人等種別', petitionType: '申立種別',
  courtDecided: '報酬付与審判日', from: '対象期間開始', to: '対象期間終了', fee: '報酬付与額', home: '在宅月数', facility: '施設月数',
  funding: '財源区分', decision: '決定', decided: '決定日', granted: '助成額', paid: '支払日',
} as const;

/** Rules of a past ledger the forms do not need (the header of this file says why). */
export const SUBSIDY_IMPORT_MESSAGES = {
  grantedRequired: `${C.decision}が承認の行は${C.granted}を書いてください（台帳の空欄を上限額とはみなしません）`,
  notOnRejection: (column: string) => `${C.decision}が却下の行に${column}は書けません`,
};
const M = SUBSIDY_IMPORT_MESSAGES;

export interface SubsidyMasters { wards: LabelLookup; relations: LabelLookup }

export async function loadSubsidyMasters(db: Knex | Knex.Transaction): Promise<SubsidyMasters> {
  return { wards: await wardLookup(db), relations: await codeListLookup(db, 'guardian_relation') };
}

export interface SubsidyImportContext extends SubsidyMasters {
  db: Knex | Knex.Transaction;
  today: string;
  person: PersonForm;
  record: ReturnType<typeof createSchema>;
}

/** What the forms are given for the fields no ledger holds (never stored). */
const STAND_IN = { guardian_name: '（台帳にない項目）', eligibility: ELIGIBILITIES[2], decision_number: '（台帳にない項目）', decision_reason: '（台帳にない項目）', payee: '（台帳にない項目）' };

const RECORD: FormMapping = {
  columns: {
    ward_id: C.ward, guardian_relation_id: C.relation, petition_type: C.petitionType, court_decided_on: C.courtDecided, period_from: C.from,
    period_to: C.to, fee_awarded_yen: C.fee, home_months: C.home, facility_months: C.facility, funding_line: C.funding, granted_yen: C.granted,
  },
  standIns: ['received_on', 'guardian_name', 'eligibility'],
};
const DECISION: FormMapping = { columns: { decision: C.decision, decided_on: C.decided }, standIns: ['decision_number', 'decision_reason', 'version'] };
const PAYMENT: FormMapping = { columns: { paid_on: C.paid }, standIns: ['payee', 'version'] };

export async function loadSubsidyImport(db: Knex | Knex.Transaction, today: string): Promise<SubsidyImportContext> {
  const m = await loadSubsidyMasters(db);
  const record = createSchema({ ward_id: new Set(m.wards.labels.keys()), guardian_relation_id: new Set(m.relations.labels.keys()), petition_id: new Set() });
  return { ...m, db, today, person: await loadPersonForm(db, today), record };
}

const isoOf = (v: string) => { const p = parseDateInput(v); return p.ok ? p.iso : null; };

/** The decision and the payment through their forms; the dates they return, or null. */
function decisionSteps(r: ReturnType<typeof rowReasons>, cells: Cells, ctx: SubsidyImportContext, court: string | null) {
  const decision = normalizeLabel(cells[C.decision]);
  // no 受付日 in a ledger: the decision is held to the court's date (the stand-in 受付日)
  const steps = { received_on: null, court_decided_on: court, decided_on: null };
  const decided = parseForm(decisionSchema, {
    decision, decided_on: cells[C.decided], decision_number: STAND_IN.decision_number, decision_reason: decision === '却下' ? STAND_IN.decision_reason : '', version: '1',
  }, decisionRule(steps, ctx.today));
  if (!decided.ok) r.form(decided.errorList, DECISION);
  const decidedOn = decided.ok ? decided.data.decided_on : null;
  if (cells[C.paid] === '') return { decision: decided.ok ? decided.data.decision : null, decidedOn, paidOn: null };
  const paid = parseForm(paymentSchema, { paid_on: cells[C.paid], payee: STAND_IN.payee, version: '1' }, paymentRule({ ...steps, decided_on: decidedOn }, ctx.today));
  if (!paid.ok) r.form(paid.errorList, PAYMENT);
  return { decision: decided.ok ? decided.data.decision : null, decidedOn, paidOn: paid.ok ? paid.data.paid_on : null };
}

export async function validateSubsidyRow(cells: Cells, ctx: SubsidyImportContext): Promise<RowResult<SubsidyImport>> {
  const r = rowReasons(cells);
  const ward = choiceOf(ctx.wards, cells[C.ward]);
  // no 氏名: the person is registered under the kana (as the person list shows it)
  const nameColumn = cells[C.name] === '' ? C.kana : C.name;
  const person = rowPerson(r, ctx.person, {
    values: { name: cells[C.name] || normalizeKana(cells[C.kana]), name_kana: cells[C.kana], birth_date: cells[C.birth], ward_id: ward },
    columns: { name: nameColumn, name_kana: C.kana, birth_date: C.birth, ward_id: C.ward },
  });
  const form = await validateSubsidy(ctx.db, ctx.record, formBody(ctx.record.shape, {
    ward_id: ward, guardian_relation_id: choiceOf(ctx.relations, cells[C.relation]), petition_type: normalizeLabel(cells[C.petitionType]),
    court_decided_on: cells[C.courtDecided], period_from: cells[C.from], period_to: cells[C.to], fee_awarded_yen: cells[C.fee],
    home_months: cells[C.home], facility_months: cells[C.facility], funding_line: normalizeLabel(cells[C.funding]), granted_yen: cells[C.granted],
    received_on: cells[C.courtDecided], guardian_name: STAND_IN.guardian_name, eligibility: STAND_IN.eligibility,
  }), ctx.today, (id) => ctx.relations.labels.get(id));
  if (!form.ok) r.form(form.errorList, RECORD);
  const steps = decisionSteps(r, cells, ctx, form.ok ? form.data.court_decided_on : isoOf(cells[C.courtDecided]));
  if (steps.decision === '却下') {
    if (cells[C.granted] !== '') r.reasons.push(M.notOnRejection(C.granted));
    if (cells[C.paid] !== '') r.reasons.push(M.notOnRejection(C.paid));
  } else if (steps.decision === '承認' && cells[C.granted] === '') r.reasons.push(M.grantedRequired);
  if (!form.ok || !person || !steps.decision || !steps.decidedOn) return r.done<SubsidyImport>(null);
  const d = form.data;
  return r.done({
    ...person, ward_id: d.ward_id, guardian_relation_id: d.guardian_relation_id, petition_type: d.petition_type, court_decided_on: d.court_decided_on,
    period_from: d.period_from, period_to: d.period_to, fee_awarded_yen: d.fee_awarded_yen, home_months: d.home_months, facility_months: d.facility_months,
    home_cap_yen: d.home_cap_yen, facility_cap_yen: d.facility_cap_yen, funding_line: d.funding_line, decision: steps.decision,
    decided_on: steps.decidedOn, granted_yen: steps.decision === '承認' ? d.granted_yen : null, paid_on: steps.paidOn,
  });
}
