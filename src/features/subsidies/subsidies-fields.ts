/**
 * The fields of an application record in form order, with labels and how a value reads. The
 * detail page, the notice PDF and the conflict page walk this one list.
 */
import { toWareki } from '../../lib/dates';
import { labelOf, wardLabel } from '../masters';
import type { SubsidyOptions } from './subsidies-options';
import { RecordValues } from './subsidies-schema';
import { yenText } from './subsidies-values';

export type Kind = 'text' | 'date' | 'yen' | 'months' | 'ward' | 'code' | 'petition';
export type FieldName = keyof RecordValues;
export interface FieldDef { name: FieldName; label: string; kind: Kind }

export const FIELD_GROUPS: { legend: string; fields: FieldDef[] }[] = [
  { legend: '申請', fields: [
    { name: 'received_on', label: '受付日', kind: 'date' },
    { name: 'ward_id', label: '区', kind: 'ward' },
    { name: 'petition_type', label: '申立種別', kind: 'text' },
    { name: 'petition_id', label: '関連する市長申立て', kind: 'petition' },
    { name: 'eligibility', label: '助成の要件', kind: 'text' },
    { name: 'funding_line', label: '財源区分', kind: 'text' },
  ] },
  { legend: '後見人等', fields: [
    { name: 'guardian_name', label: '後見人等の氏名', kind: 'text' },
    { name: 'guardian_relation_id', label: '後見人等の種別', kind: 'code' },
  ] },
  { legend: '報酬付与の審判', fields: [
    { name: 'court_decided_on', label: '報酬付与審判日', kind: 'date' },
    { name: 'case_number', label: '事件番号', kind: 'text' },
    { name: 'period_from', label: '対象期間の開始日', kind: 'date' },
    { name: 'period_to', label: '対象期間の終了日', kind: 'date' },
    { name: 'fee_awarded_yen', label: '報酬付与額', kind: 'yen' },
    { name: 'home_months', label: '在宅月数', kind: 'months' },
    { name: 'facility_months', label: '施設月数', kind: 'months' },
  ] },
  { legend: '助成額と支払先', fields: [
    { name: 'granted_yen', label: '助成額', kind: 'yen' },
    { name: 'payee', label: '支払先', kind: 'text' },
  ] },
];

export const FIELDS: FieldDef[] = FIELD_GROUPS.flatMap((g) => g.fields);

/** A stored or submitted value as a person reads it: 和暦 dates, labels for ids, yen with commas. */
export function displayValue(o: SubsidyOptions, def: { kind: Kind }, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  switch (def.kind) {
    case 'date': return toWareki(String(v));
    case 'yen': return yenText(Number(v));
    case 'months': return `${Number(v)}か月`;
    case 'ward': return wardLabel(o, Number(v));
    case 'code': return labelOf(o, Number(v));
    case 'petition': return `番号 ${Number(v)}`;
    default: return String(v);
  }
}

/** 令和5年4月1日〜令和5年9月30日 */
export const periodText = (from: string, to: string) => `${toWareki(from)}〜${toWareki(to)}`;
