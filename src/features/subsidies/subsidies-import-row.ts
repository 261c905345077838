/** One ledger row → one record: the person, the court's decision and period, the cap, the city's decision and payment. */
import { kanaSearchKey, isKatakana, normalizeKana } from '../../lib/kana';
import { dateCell, labelCell, requiredCell } from '../imports/import-cells';
import type { Cells, RowResult } from '../imports/import-spec';
import { capsFrom, monthsSpanned, working } from './subsidies-cap';
import { C, choiceCell, monthsCell, SUBSIDY_IMPORT_MESSAGES as M, SubsidyMasters, yenCell } from './subsidies-import-cells';
import { DECISIONS, FUNDING_LINES, isRelativeGuardian, PETITION_TYPES, yenText } from './subsidies-values';
import type { SubsidyImport } from './subsidies-import-store';

function person(cells: Cells, reasons: string[]) {
  const kanaText = requiredCell(C.kana, cells[C.kana], reasons);
  const kana = kanaText === null ? null : normalizeKana(kanaText);
  if (kana !== null && !isKatakana(kana)) reasons.push(M.kana(kanaText!));
  else if (kana !== null && kana.length > 100) reasons.push(M.tooLong(C.kana));
  const name = cells[C.name] || kana;
  if (name && name.length > 100) reasons.push(M.tooLong(C.name));
  return { kana, name, birth: dateCell(C.birth, cells[C.birth], reasons, true) };
}

function requiredYen(column: string, cells: Cells, reasons: string[]): number | null {
  return requiredCell(column, cells[column], reasons) === null ? null : yenCell(column, cells[column], reasons);
}

/** Validates a row against the masters; the amount granted must not exceed the cap of the period's first day. */
export function validateRow(cells: Cells, m: SubsidyMasters): RowResult<SubsidyImport> {
  const reasons: string[] = [];
  const p = person(cells, reasons);
  const wardText = requiredCell(C.ward, cells[C.ward], reasons);
  const wardId = wardText === null ? null : labelCell(C.ward, wardText, m.wards, reasons);
  const relationText = requiredCell(C.relation, cells[C.relation], reasons);
  const relationId = relationText === null ? null : labelCell(C.relation, relationText, m.relations, reasons);
  if (relationId !== null && isRelativeGuardian(m.relations.labels.get(relationId))) reasons.push(M.relative(relationText!));
  const petitionType = choiceCell(C.petitionType, cells[C.petitionType], PETITION_TYPES, reasons);
  const court = dateCell(C.courtDecided, cells[C.courtDecided], reasons, true);
  const from = dateCell(C.from, cells[C.from], reasons, true);
  const to = dateCell(C.to, cells[C.to], reasons, true);
  if (from && to && to < from) reasons.push(M.before(C.to, to, C.from, from));
  const fee = requiredYen(C.fee, cells, reasons);
  const home = monthsCell(C.home, cells[C.home], reasons);
  const facility = monthsCell(C.facility, cells[C.facility], reasons);
  const monthsBefore = reasons.length;
  if (home + facility === 0) reasons.push(M.noMonths);
  else if (from && to && to >= from && home + facility > monthsSpanned(from, to)) reasons.push(M.tooManyMonths(monthsSpanned(from, to)));
  const monthsOk = reasons.length === monthsBefore;
  const funding = choiceCell(C.funding, cells[C.funding], FUNDING_LINES, reasons);
  const decision = choiceCell(C.decision, cells[C.decision], DECISIONS, reasons);
  const decided = dateCell(C.decided, cells[C.decided], reasons, true);
  if (decided && court && decided < court) reasons.push(M.before(C.decided, decided, C.courtDecided, court));
  const granted = yenCell(C.granted, cells[C.granted], reasons);
  const paid = dateCell(C.paid, cells[C.paid], reasons, false);
  if (paid && decided && paid < decided) reasons.push(M.before(C.paid, paid, C.decided, decided));
  if (decision === '却下') {
    if (cells[C.granted] !== '') reasons.push(M.notOnRejection(C.granted));
    if (cells[C.paid] !== '') reasons.push(M.notOnRejection(C.paid));
  } else if (decision === '承認' && cells[C.granted] === '') reasons.push(M.grantedRequired);
  const caps = from ? capsFrom(m.caps, from) : null;
  if (from && !caps) reasons.push(M.noCaps(from));
  if (caps && fee !== null && granted !== null && monthsOk) {
    const w = working({ fee_awarded_yen: fee, home_months: home, facility_months: facility, home_cap_yen: caps.home, facility_cap_yen: caps.facility });
    if (granted > w.limit) reasons.push(M.overCap(yenText(granted), yenText(w.limit), `${w.sum}、${w.result}`));
  }
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    record: {
      name: p.name!, name_kana: p.kana!, kana_key: kanaSearchKey(p.kana!), birth_date: p.birth!, ward_id: wardId!, guardian_relation_id: relationId!,
      petition_type: petitionType!, court_decided_on: court!, period_from: from!, period_to: to!, fee_awarded_yen: fee!, home_months: home,
      facility_months: facility, home_cap_yen: caps!.home, facility_cap_yen: caps!.facility, funding_line: funding!, decision: decision!,
      decided_on: decided!, granted_yen: decision === '承認' ? granted : null, paid_on: paid,
    },
  };
}
