import { Knex } from 'knex';
import type { TimelineEntry, TimelineSource } from '../../contracts/timeline';
import { periodText } from './subsidies-form';
import { statusLabel, yenText } from './subsidies-values';

type Conn = Knex | Knex.Transaction;

export interface SubsidyRow {
  id: number;
  person_id: number;
  petition_id: number | null;
  ward_id: number;
  received_on: string | null;
  guardian_name: string | null;
  guardian_relation_id: number;
  petition_type: string;
  court_decided_on: string;
  case_number: string | null;
  period_from: string;
  period_to: string;
  fee_awarded_yen: number;
  home_months: number;
  facility_months: number;
  home_cap_yen: number;
  facility_cap_yen: number;
  eligibility: string | null;
  funding_line: string;
  granted_yen: number | null;
  status: string;
  decision: string | null;
  decision_reason: string | null;
  decided_on: string | null;
  decision_number: string | null;
  payee: string | null;
  paid_on: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  ward_name: string;
  relation_label: string;
  person_name: string;
  person_kana: string;
  person_birth_date: string | null;
  created_by_name: string | null;
  updated_by_name: string | null;
}

/** A live (not deleted) application with the labels it shows. */
export function findSubsidy(db: Conn, id: number): Promise<SubsidyRow | undefined> {
  return db('subsidies as s').where('s.id', id).whereNull('s.deleted_at')
    .join('wards as w', 'w.id', 's.ward_id')
    .join('code_entries as gr', 'gr.id', 's.guardian_relation_id')
    .join('persons as per', 'per.id', 's.person_id')
    .leftJoin('users as cu', 'cu.id', 's.created_by')
    .leftJoin('users as uu', 'uu.id', 's.updated_by')
    .first('s.*', 'w.name as ward_name', 'gr.label as relation_label', 'per.name as person_name', 'per.name_kana as person_kana',
      'per.birth_date as person_birth_date', 'cu.display_name as created_by_name', 'uu.display_name as updated_by_name');
}

export interface OverlapRow { id: number; period_from: string; period_to: string; status: string; decision: string | null; granted_yen: number | null }

/**
 * The person's other live applications, not rejected, whose period shares a day with from–to
 * (both inclusive): what the form flags before saving.
 */
export function overlapping(db: Conn, personId: number, from: string, to: string, exceptId: number | null): Promise<OverlapRow[]> {
  const q = db('subsidies').where({ person_id: personId }).whereNull('deleted_at')
    .where((w) => { w.whereNull('decision').orWhere('decision', '<>', '却下'); })
    .where('period_from', '<=', to).where('period_to', '>=', from)
    .orderBy('period_from').select('id', 'period_from', 'period_to', 'status', 'decision', 'granted_yen');
  if (exceptId !== null) q.whereNot('id', exceptId);
  return q;
}

/**
 * A person's subsidy applications for their timeline, each at its 受付日 (an imported application
 * without one: the court's 報酬付与 decision it was made for), never the day it was typed in or decided.
 */
export const subsidyTimeline: TimelineSource = async (db, personId) => {
  const rows: { id: number; on: string; period_from: string; period_to: string; status: string; decision: string | null; granted_yen: number | null }[] =
    await db('subsidies').where({ person_id: personId }).whereNull('deleted_at').orderBy('id', 'desc')
      .select('id', db.raw('COALESCE(received_on, court_decided_on)::text AS "on"'), 'period_from', 'period_to', 'status', 'decision', 'granted_yen');
  return rows.map((r): TimelineEntry => ({
    date: r.on,
    kind: '報酬助成',
    summary: `対象期間 ${periodText(r.period_from, r.period_to)}：${statusLabel(r)}${r.decision === '却下' ? '' : `（助成額 ${yenText(r.granted_yen)}）`}`,
    href: `/subsidies/${r.id}`,
  }));
};
