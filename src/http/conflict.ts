/**
 * The conflict page (409): someone saved the record after this form was opened. It shows what
 * this user sent beside what is saved now, and saves nothing — never a silent overwrite.
 */
import { Response } from 'express';

/** One line of the page: a field as sent (未保存) and as stored now; differing lines are marked. */
export interface ConflictRow { label: string; mine: string; theirs: string }

/** Rows for items shown alike on both sides: each item's label, its value as sent and as stored. */
export function conflictRows<T>(items: readonly T[], label: (item: T) => string, mine: (item: T) => string, theirs: (item: T) => string): ConflictRow[] {
  return items.map((item) => ({ label: label(item), mine: mine(item), theirs: theirs(item) }));
}

/** Rows from two label/value lists built by one function (the sent values and the stored ones), line by line. */
export function pairedRows(mine: readonly { label: string; value: string }[], theirs: readonly { value: string }[]): ConflictRow[] {
  return mine.map((m, i) => ({ label: m.label, mine: m.value, theirs: theirs[i]?.value ?? '' }));
}

export interface ConflictPage {
  rows: ConflictRow[];
  /** the link that opens the latest record (the shared page) */
  backHref?: string;
  /** a feature's own conflict page (e.g. one that offers the form again), with its locals */
  view?: string;
  locals?: Record<string, unknown>;
}

/** Renders the conflict page with status 409. */
export function renderConflictPage(res: Response, page: ConflictPage): void {
  res.status(409).render(page.view ?? 'errors/conflict', { ...page.locals, backHref: page.backHref, rows: page.rows });
}
