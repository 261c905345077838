import { Request } from 'express';
import { Knex } from 'knex';
import { fiscalYearParam, queryString } from '../../http/params';
import { fiscalYearOf, fiscalYearRange } from '../../lib/dates';
import { FUNDING_LINES, FundingLine, STATUS_FILTERS, StatusFilter, statusLabel } from './subsidies-values';
import { audit } from '../../audit/audit-writer';
import { SecureRouter } from '../../http/routes';
import { can } from '../../policy';
import { today } from '../../http/today';

type Conn = Knex | Knex.Transaction;

export const PAGE_SIZE = 50;

export interface ListFilters { fy: number | null; status: StatusFilter | null; funding: FundingLine | null; ward: number | null }

const int = (req: Request, name: string, min: number, max: number): number | null => {
  const s = queryString(req, name);
  return /^\d{1,9}$/.test(s) && Number(s) >= min && Number(s) <= max ? Number(s) : null;
};
const oneOf = <T extends string>(req: Request, name: string, values: readonly T[]): T | null => {
  const s = queryString(req, name);
  return (values as readonly string[]).includes(s) ? (s as T) : null;
};

/** Filters from the query string; malformed values are ignored rather than refused. */
export function parseFilters(req: Request): ListFilters {
  return {
    fy: fiscalYearParam(req), status: oneOf(req, 'status', STATUS_FILTERS),
    funding: oneOf(req, 'funding', FUNDING_LINES), ward: int(req, 'ward', 1, 999_999_999),
  };
}

/** The query string for these filters (and the cursor of a next page). */
export function filterQuery(f: ListFilters, after?: number): string {
  const p = new URLSearchParams();
  for (const key of ['fy', 'status', 'funding', 'ward'] as const) if (f[key] !== null) p.set(key, String(f[key]));
  if (after) p.set('after', String(after));
  return p.toString();
}

export interface ListRow {
  id: number;
  person_id: number;
  person_name: string;
  person_kana: string;
  ward_name: string;
  period_from: string;
  period_to: string;
  fee_awarded_yen: number;
  granted_yen: number | null;
  funding_line: string;
  status: string;
  decision: string | null;
  decided_on: string | null;
}

const STATUS_WHERE: Record<StatusFilter, Record<string, string>> = {
  受付: { 's.status': '受付' }, 審査: { 's.status': '審査' }, 承認: { 's.status': '決定', 's.decision': '承認' },
  却下: { 's.status': '決定', 's.decision': '却下' }, 支払: { 's.status': '支払' },
};

/** One page of live applications, newest first, keyset-paged on id. The fiscal year is that of the decision. */
export async function listSubsidies(db: Conn, f: ListFilters, after: number | null) {
  const q = db('subsidies as s').whereNull('s.deleted_at')
    .join('persons as per', 'per.id', 's.person_id')
    .join('wards as w', 'w.id', 's.ward_id')
    .select('s.id', 's.person_id', 'per.name as person_name', 'per.name_kana as person_kana', 'w.name as ward_name', 's.period_from', 's.period_to',
      's.fee_awarded_yen', 's.granted_yen', 's.funding_line', 's.status', 's.decision', 's.decided_on')
    .orderBy('s.id', 'desc').limit(PAGE_SIZE + 1);
  if (f.fy !== null) q.whereBetween('s.decided_on', [fiscalYearRange(f.fy).from, fiscalYearRange(f.fy).to]);
  if (f.status !== null) q.where(STATUS_WHERE[f.status]);
  if (f.funding !== null) q.where('s.funding_line', f.funding);
  if (f.ward !== null) q.where('s.ward_id', f.ward);
  if (after !== null) q.where('s.id', '<', after);
  const rows: ListRow[] = await q;
  const more = rows.length > PAGE_SIZE;
  const page = more ? rows.slice(0, PAGE_SIZE) : rows;
  return { rows: page, next: more ? page[page.length - 1].id : null };
}

/** Fiscal years of decision to offer: from the first decision to the current year, newest first. */
export async function decisionYears(db: Conn, currentFy: number): Promise<number[]> {
  const [{ min }] = await db('subsidies').whereNull('deleted_at').min({ min: 'decided_on' });
  const first = min ? Math.min(fiscalYearOf(String(min)), currentFy) : currentFy;
  return Array.from({ length: currentFy - first + 1 }, (_, i) => currentFy - i);
}

/** GET /subsidies: the applications under the filters, newest first, 50 a page. */
export function listRoutes(r: SecureRouter): void {
  r.get('/subsidies', 'subsidies:read', async (req, res) => {
    const { db } = req.deps;
    const filters = parseFilters(req);
    const rawAfter = queryString(req, 'after');
    const after = /^[1-9]\d{0,8}$/.test(rawAfter) ? Number(rawAfter) : null;
    const page = await listSubsidies(db, filters, after);
    // The list names persons: audited like any view of their data.
    await audit(req, 'subsidy.list', 'subsidy', null);
    res.render('subsidies/index', {
      filters, rows: page.rows, paged: after !== null, statusLabel,
      nextHref: page.next ? `/subsidies?${filterQuery(filters, page.next)}` : null,
      firstHref: `/subsidies?${filterQuery(filters)}`,
      wards: await db('wards').orderBy(['sort_order', 'id']).select('id', 'name'),
      years: await decisionYears(db, fiscalYearOf(today(req))),
      statuses: STATUS_FILTERS, fundingLines: FUNDING_LINES, canWrite: can(req.user, 'subsidies:write'),
    });
  });
}
