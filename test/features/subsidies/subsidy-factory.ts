/** Fixtures for the subsidy tests: applications inserted directly, and a valid form body. */
import { Knex } from 'knex';
import { codeId, insertPerson, wardId } from '../../helpers/factories';

export interface SubsidySeed {
  person_id: number;
  ward?: string;
  relation?: string;
  period_from?: string;
  period_to?: string;
  fee?: number;
  home?: number;
  facility?: number;
  granted?: number | null;
  funding?: '高齢' | '障がい';
  status?: '受付' | '審査' | '決定' | '支払';
  decision?: '承認' | '却下' | null;
  decided_on?: string | null;
  paid_on?: string | null;
  deleted?: boolean;
  values?: Record<string, unknown>;
}

/** An application inserted directly (not what is under test): by default 受付, 12 months at home, 300,000円. */
export async function insertSubsidy(db: Knex, s: SubsidySeed): Promise<number> {
  const decided = s.status === '決定' || s.status === '支払';
  const [row] = await db('subsidies').insert({
    person_id: s.person_id, ward_id: await wardId(db, s.ward ?? '東区'),
    guardian_name: '後見 一郎', guardian_relation_id: await codeId(db, 'guardian_relation', s.relation ?? '社会福祉士'),
    petition_type: '本人', received_on: '2026-10-15', court_decided_on: '2026-10-01',
    period_from: s.period_from ?? '2025-10-01', period_to: s.period_to ?? '2026-09-30',
    fee_awarded_yen: s.fee ?? 300000, home_months: s.home ?? 12, facility_months: s.facility ?? 0, home_cap_yen: 28000, facility_cap_yen: 18000,
    eligibility: '生活保護', funding_line: s.funding ?? '高齢', granted_yen: s.granted === undefined ? 300000 : s.granted,
    status: s.status ?? '受付', decision: decided ? (s.decision ?? '承認') : null, decided_on: decided ? (s.decided_on ?? '2026-11-01') : null,
    decision_number: decided ? '熊健福第1号' : null, paid_on: s.status === '支払' ? (s.paid_on ?? '2026-11-20') : null,
    deleted_at: s.deleted ? new Date('2026-11-01T00:00:00Z') : null, ...(s.values ?? {}),
  }).returning('id');
  return row.id as number;
}

/** A person in 東区 (kana unique per call). */
let n = 0;
export async function subsidyPerson(db: Knex, ward = '東区'): Promise<number> {
  n += 1;
  return insertPerson(db, { name: `助成 花子${n}`, name_kana: `ジョセイ ハナコ${'ア'.repeat(n % 7)}`, birth_date: '1940-05-01', ward_id: await wardId(db, ward) });
}

/** What the form sends for a valid application (the person and the CSRF token are added by the caller). */
export async function validBody(db: Knex, changes: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    received_on: '2026-11-20', ward_id: String(await wardId(db, '東区')), petition_type: '本人', petition_id: '', eligibility: '生活保護', funding_line: '高齢',
    guardian_name: '後見 一郎', guardian_relation_id: String(await codeId(db, 'guardian_relation', '社会福祉士')),
    court_decided_on: '2026-11-10', case_number: '', period_from: '2025-11-01', period_to: '2026-10-31',
    fee_awarded_yen: '150000', home_months: '3', facility_months: '2', granted_yen: '', payee: '', ...changes,
  };
}

/** The subsidy ids linked from a list page's table body, in order. */
export function listedIds(html: string): number[] {
  const body = html.match(/<table class="data-table subsidy-list">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<td><a href="\/subsidies\/(\d+)">/g)].map((m) => Number(m[1]));
}
