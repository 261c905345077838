/** The conflict page of an application: what this user sent beside what is saved now. */
import { Request, Response } from 'express';
import { audit } from '../../audit/audit-writer';
import { loadSubsidyOptions } from './subsidies-options';
import { displayValue, FIELDS, Kind } from './subsidies-fields';
import { findSubsidy } from './subsidies-queries';
import { statusLabel } from './subsidies-values';
import { ConflictRow, renderConflictPage } from '../../http/conflict';

const STEP_FIELDS: [string, string, Kind][] = [
  ['decision', '決定', 'text'], ['decided_on', '決定日', 'date'], ['decision_number', '決定番号', 'text'], ['decision_reason', '却下の理由', 'text'],
  ['paid_on', '支払日', 'date'],
];

/** `mine`: the form's values by field name (record fields, or a step's fields such as decided_on). */
export async function renderConflict(req: Request, res: Response, id: number, mine: object, step: string | null = null) {
  const [current, o] = await Promise.all([findSubsidy(req.deps.db, id), loadSubsidyOptions(req.deps.db)]);
  const now = (current ?? {}) as Record<string, unknown>;
  const sent = mine as Record<string, unknown>;
  const rows: ConflictRow[] = [{ label: '状況', mine: step ?? (current ? statusLabel(current) : ''), theirs: current ? statusLabel(current) : '削除されています' }];
  for (const f of FIELDS) rows.push({ label: f.label, mine: displayValue(o, f, f.name in sent ? sent[f.name] : now[f.name]), theirs: displayValue(o, f, now[f.name]) });
  for (const [name, label, kind] of STEP_FIELDS) {
    rows.push({ label, mine: displayValue(o, { kind }, name in sent ? sent[name] : now[name]), theirs: displayValue(o, { kind }, now[name]) });
  }
  if (current) await audit(req, 'subsidy.view', 'subsidy', id);
  renderConflictPage(res, { backHref: current ? `/subsidies/${id}` : '/subsidies', rows });
}
