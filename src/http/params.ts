import { Request } from 'express';
import { parseFiscalYearInput } from '../lib/dates';
import { NotFoundError } from './errors';

/** A positive integer id from the path, or 404. */
export function idParam(req: Request, name = 'id'): number {
  const raw = req.params[name];
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw) || !Number.isSafeInteger(n) || n <= 0) throw new NotFoundError();
  return n;
}

/** A single string from the query string (arrays and objects ignored; NUL, which PostgreSQL refuses, dropped). */
export function queryString(req: Request, name: string): string {
  const v = req.query[name];
  return typeof v === 'string' ? v.replaceAll('\0', '').trim() : '';
}

/** A 年度 from the query string as staff may type it (2025, 令和7年度, R7), within min–max; null otherwise. */
export function fiscalYearParam(req: Request, name = 'fy', min = 1900, max = 2100): number | null {
  const r = parseFiscalYearInput(queryString(req, name));
  return r.ok && r.fy >= min && r.fy <= max ? r.fy : null;
}
