import { Request } from 'express';
import { Knex } from 'knex';
import { fiscalYearParam, queryString } from '../../../http/params';
import { fiscalYearOf, fiscalYearRange } from '../../../lib/dates';
import { Principal, wardScope } from '../../../policy';
import { STAGES } from '../stages/petition-stages';
import { scopedPetitions } from '../petitions-scope';
import { TOTAL_SQL } from '../../../contracts';

type Conn = Knex | Knex.Transaction;

export const CLOSED_FILTERS = { '': '進行中のみ', include: '終結を含む', only: '終結のみ' } as const;
export type ClosedFilter = keyof typeof CLOSED_FILTERS;

export interface ListFilters { ward: number | null; stage: number | null; fy: number | null; stalled: boolean; closed: ClosedFilter }

export const DEFAULT_FILTERS: ListFilters = { ward: null, stage: null, fy: null, stalled: false, closed: '' };

/**
 * A bounded list rather than pages: the city files a few hundred mayoral petitions a year and
 * the default view holds only the open ones, so 500 rows is far beyond a real screen. The order
 * (stalled first, then longest in stage) moves every day, which a keyset cursor could not follow.
 */
export const LIST_LIMIT = 500;

const int = (req: Request, name: string, min: number, max: number): number | null => {
  const s = queryString(req, name);
  return /^\d{1,9}$/.test(s) && Number(s) >= min && Number(s) <= max ? Number(s) : null;
};

/** Filters from the query string (malformed values ignored). A ward user's ward is fixed by the scope, not here. */
export function parseListFilters(req: Request): ListFilters {
  const closed = queryString(req, 'closed');
  return {
    ward: wardScope(req.user!) === null ? int(req, 'ward', 1, 999_999_999) : null,
    stage: int(req, 'stage', 1, STAGES.length),
    fy: fiscalYearParam(req),
    stalled: queryString(req, 'stalled') === '1',
    closed: closed in CLOSED_FILTERS ? (closed as ClosedFilter) : '',
  };
}

/** The stall threshold (days in one stage) from master data. */
export async function stallDays(db: Conn): Promise<number> {
  const row = await db('settings').where({ key: 'petition_stall_days' }).first('int_value');
  return row?.int_value ?? 30;
}

/**
 * Whether petition progress `pp` is stalled: in a stage for `threshold` days or more as of `today`.
 * Used by the list and stalledPetitions() only, which join `pp`.
 */
const isStalled = (db: Conn, today: string, threshold: number) =>
  db.raw('COALESCE(pp.current_stage IS NOT NULL AND (?::date - pp.stage_since) >= ?, false)', [today, threshold]);

export interface StalledRow { id: number; ward_name: string; current_stage: number; stage_since: string; days: number; total: number }

/**
 * This user's open petitions in one stage for `threshold` days or more as of `today`, longest first:
 * the first `limit`, each with the count of all (`total`), in one query.
 */
export function stalledPetitions(db: Conn, user: Principal, today: string, threshold: number, limit: number): Promise<StalledRow[]> {
  return scopedPetitions(db, user)
    .join('petition_progress as pp', 'pp.petition_id', 'p.id')
    .join('wards as w', 'w.id', 'p.ward_id')
    .where('pp.closed', false)
    .whereRaw(isStalled(db, today, threshold))
    .select('p.id', 'w.name as ward_name', 'pp.current_stage', 'pp.stage_since',
      db.raw('(?::date - pp.stage_since) AS days', [today]), db.raw(TOTAL_SQL))
    .orderByRaw('days DESC, p.id')
    .limit(limit);
}

export interface ListRow {
  id: number;
  ward_name: string;
  person_name: string;
  person_kana: string;
  urgency: string;
  current_stage: number | null;
  stage_since: string | null;
  days_in_stage: number | null;
  stalled: boolean;
  closed: boolean;
  close_kind: string | null;
}

/** This user's petitions under the filters, stalled first, then by days in stage (longest first); all in SQL. */
export async function listPetitions(db: Conn, user: Principal, f: ListFilters, today: string, threshold: number) {
  const q = scopedPetitions(db, user)
    .join('petition_progress as pp', 'pp.petition_id', 'p.id')
    .join('persons as per', 'per.id', 'p.person_id')
    .join('wards as w', 'w.id', 'p.ward_id')
    .select('p.id', 'w.name as ward_name', 'per.name as person_name', 'per.name_kana as person_kana', 'p.urgency',
      'pp.current_stage', 'pp.stage_since', 'pp.closed', 'p.close_kind',
      db.raw('(?::date - pp.stage_since) AS days_in_stage', [today]),
      db.raw('? AS stalled', [isStalled(db, today, threshold)]))
    .orderByRaw('stalled DESC, days_in_stage DESC NULLS LAST, p.id')
    .limit(LIST_LIMIT + 1);
  if (f.ward !== null) q.where('p.ward_id', f.ward);
  if (f.stage !== null) q.where('pp.current_stage', f.stage);
  if (f.fy !== null) q.whereBetween('p.filed_on', [fiscalYearRange(f.fy).from, fiscalYearRange(f.fy).to]);
  if (f.stalled) q.whereRaw(isStalled(db, today, threshold));
  if (f.closed === '') q.where('pp.closed', false);
  if (f.closed === 'only') q.where('pp.closed', true);
  const rows: ListRow[] = await q;
  return { rows: rows.slice(0, LIST_LIMIT), more: rows.length > LIST_LIMIT };
}

/** Fiscal years of filing to offer: from the first filing in scope to the current year, newest first. */
export async function filingYears(db: Conn, user: Principal, currentFy: number): Promise<number[]> {
  const [{ min }] = await scopedPetitions(db, user).min({ min: 'p.filed_on' });
  const first = min ? Math.min(fiscalYearOf(String(min)), currentFy) : currentFy;
  return Array.from({ length: currentFy - first + 1 }, (_, i) => currentFy - i);
}
