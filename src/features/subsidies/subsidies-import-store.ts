/**
 * Storing imported past applications inside the import's transaction: the person matched by kana +
 * birth date (else created), the application as decided (決定, or 支払 with a payment date).
 */
import { Knex } from 'knex';
import type { ImportActor } from '../../contracts/import-kind';
import { personFor } from '../imports';
import type { Decision, FundingLine, PetitionType } from './subsidies-values';

export interface SubsidyImport {
  name: string;
  name_kana: string;
  kana_key: string;
  birth_date: string;
  ward_id: number;
  guardian_relation_id: number;
  petition_type: PetitionType;
  court_decided_on: string;
  period_from: string;
  period_to: string;
  fee_awarded_yen: number;
  home_months: number;
  facility_months: number;
  home_cap_yen: number;
  facility_cap_yen: number;
  funding_line: FundingLine;
  decision: Decision;
  decided_on: string;
  /** null on a rejection */
  granted_yen: number | null;
  paid_on: string | null;
}

export async function insertSubsidies(trx: Knex.Transaction, records: SubsidyImport[], actor: ImportActor): Promise<void> {
  const seen = new Map<string, number>();
  for (const r of records) {
    const personId = await personFor(trx, r, actor, seen);
    await trx('subsidies').insert({
      person_id: personId, ward_id: r.ward_id, guardian_relation_id: r.guardian_relation_id, petition_type: r.petition_type,
      court_decided_on: r.court_decided_on, period_from: r.period_from, period_to: r.period_to, fee_awarded_yen: r.fee_awarded_yen,
      home_months: r.home_months, facility_months: r.facility_months, home_cap_yen: r.home_cap_yen, facility_cap_yen: r.facility_cap_yen,
      funding_line: r.funding_line, granted_yen: r.granted_yen, status: r.paid_on ? '支払' : '決定', decision: r.decision,
      decided_on: r.decided_on, paid_on: r.paid_on,
      created_at: actor.now, created_by: actor.userId, updated_at: actor.now, updated_by: actor.userId,
    });
  }
}
