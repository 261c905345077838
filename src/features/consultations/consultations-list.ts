import { Request } from 'express';
import { Db } from '../../db/knex';
import { fiscalYearParam, queryString } from '../../http/params';
import { fiscalYearRange, isValidIso } from '../../lib/dates';
import { daysInMonth, formatIso } from '../../lib/dates/calendar';
import { withLabels } from './consultations-queries';

export const PAGE_SIZE = 50;

export interface ListFilters {
  fy: number | null;
  month: number | null;
  category: number | null;
  ward: number | null;
  method: number | null;
  consultee: number | null;
  staff: number | null;
  due: boolean;
  q: string;
}

/** The last row of a page: (consulted_on, id). Written in links as '2025-04-01.123'. */
export interface Cursor { date: string; id: number }

const intParam = (req: Request, name: string, min = 1, max = 999_999_999): number | null => {
  const s = queryString(req, name);
  const n = Number(s);
  return /^\d{1,9}$/.test(s) && n >= min && n <= max ? n : null;
};

/** Filters from the query string; malformed values are ignored rather than refused. */
export function parseFilters(req: Request): ListFilters {
  return {
    fy: fiscalYearParam(req),
    month: intParam(req, 'month', 1, 12),
    category: intParam(req, 'category'),
    ward: intParam(req, 'ward'),
    method: intParam(req, 'method'),
    consultee: intParam(req, 'consultee'),
    staff: intParam(req, 'staff'),
    due: queryString(req, 'due') === '1',
    q: queryString(req, 'q').slice(0, 100),
  };
}

export function parseCursor(raw: string): Cursor | null {
  const m = /^(\d{4}-\d{2}-\d{2})\.(\d{1,9})$/.exec(raw);
  return m && isValidIso(m[1]) ? { date: m[1], id: Number(m[2]) } : null;
}

export const cursorText = (c: Cursor) => `${c.date}.${c.id}`;

/** The query string for these filters (and an optional cursor), for links and the form. */
export function filterQuery(f: ListFilters, after?: Cursor): string {
  const p = new URLSearchParams();
  for (const key of ['fy', 'month', 'category', 'ward', 'method', 'consultee', 'staff'] as const) {
    if (f[key] !== null) p.set(key, String(f[key]));
  }
  if (f.due) p.set('due', '1');
  if (f.q) p.set('q', f.q);
  if (after) p.set('after', cursorText(after));
  return p.toString();
}

/** The date range a fiscal year and/or month selects (month alone matches that month of any year). */
function dateRange(f: ListFilters): { from: string; to: string } | null {
  if (f.fy === null) return null;
  if (f.month === null) return fiscalYearRange(f.fy);
  const year = f.month >= 4 ? f.fy : f.fy + 1;
  return { from: formatIso(year, f.month, 1), to: formatIso(year, f.month, daysInMonth(year, f.month)) };
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface ListRow {
  id: number;
  consulted_on: string;
  start_time: string | null;
  person_id: number | null;
  follow_up_on: string | null;
  follow_up_done_at: Date | null;
  category_name: string;
  category_parent_name: string | null;
  method_label: string | null;
  consultee_label: string | null;
  ward_name: string | null;
  staff_name: string | null;
}

/**
 * One page of live consultations, newest first, keyset-paged on (consulted_on, id) so a deep
 * page costs what the first does. Returns up to PAGE_SIZE rows and the cursor of the next page.
 */
export async function listConsultations(db: Db, f: ListFilters, today: string, after: Cursor | null) {
  const q = db('consultations as c').whereNull('c.deleted_at')
    .select('c.id', 'c.consulted_on', 'c.start_time', 'c.person_id', 'c.follow_up_on', 'c.follow_up_done_at')
    .orderBy([{ column: 'c.consulted_on', order: 'desc' }, { column: 'c.id', order: 'desc' }])
    .limit(PAGE_SIZE + 1);
  const range = dateRange(f);
  if (range) q.whereBetween('c.consulted_on', [range.from, range.to]);
  else if (f.month !== null) q.whereRaw('EXTRACT(MONTH FROM c.consulted_on) = ?', [f.month]);
  if (f.category !== null) {
    const id = f.category;
    q.where((w) => { w.where('c.category_id', id).orWhereIn('c.category_id', db('consultation_categories').select('id').where('parent_id', id)); });
  }
  if (f.ward !== null) q.where('c.ward_id', f.ward);
  if (f.method !== null) q.where('c.method_id', f.method);
  if (f.consultee !== null) q.where('c.consultee_id', f.consultee);
  if (f.staff !== null) q.where('c.staff_id', f.staff);
  if (f.due) q.whereNull('c.follow_up_done_at').where('c.follow_up_on', '<=', today);
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    q.where((w) => { w.where('c.content', 'ilike', pattern).orWhere('c.response', 'ilike', pattern); });
  }
  if (after) q.whereRaw('(c.consulted_on, c.id) < (?::date, ?)', [after.date, after.id]);
  const rows = (await withLabels(db, q)) as ListRow[];
  const more = rows.length > PAGE_SIZE;
  const page = more ? rows.slice(0, PAGE_SIZE) : rows;
  const last = page[page.length - 1];
  return { rows: page, next: more && last ? { date: last.consulted_on, id: last.id } : null };
}

/** Follow-ups whose date has come and that are not done, oldest first; keyset on (follow_up_on, id). */
export async function listFollowUps(db: Db, today: string, after: Cursor | null) {
  const q = db('consultations as c').whereNull('c.deleted_at').whereNull('c.follow_up_done_at')
    .where('c.follow_up_on', '<=', today)
    .select('c.id', 'c.consulted_on', 'c.start_time', 'c.person_id', 'c.follow_up_on', 'c.follow_up_done_at')
    .orderBy([{ column: 'c.follow_up_on', order: 'asc' }, { column: 'c.id', order: 'asc' }])
    .limit(PAGE_SIZE + 1);
  if (after) q.whereRaw('(c.follow_up_on, c.id) > (?::date, ?)', [after.date, after.id]);
  const rows = (await withLabels(db, q)) as ListRow[];
  const more = rows.length > PAGE_SIZE;
  const page = more ? rows.slice(0, PAGE_SIZE) : rows;
  const last = page[page.length - 1];
  return { rows: page, next: more && last ? { date: last.follow_up_on!, id: last.id } : null };
}
