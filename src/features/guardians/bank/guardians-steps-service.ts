/**
 * Recording the bank and 協力員 steps, each in one transaction that locks the roster record (so two
 * recordings for one person queue): registration gated by missingBankConditions, 協力員 only for a
 * current registrant, and the closing of a period (withdrawal keeps it as history).
 */
import { Request } from 'express';
import { Knex } from 'knex';
import { audit } from '../../../audit/audit-writer';
import { inTransaction, updateVersioned } from '../../../db/tx';
import { NotFoundError } from '../../../http/errors';
import { toWareki } from '../../../lib/dates';
import { GATING_MESSAGES, missingBankConditions } from './guardian-gating';
import { PeriodKind, PERIOD_KINDS } from '../roster/guardian-status';
import { gatingFacts, periodsOf, PeriodRow } from '../roster/guardians-queries';

export type StepOutcome = { ok: true } | { ok: false; field: string; message: string; missing?: string[] } | { ok: false; conflict: true };

export const STEP_MESSAGES = {
  alreadyOpen: (kind: PeriodKind) => `既に${PERIOD_KINDS[kind]}中です`,
  notOpen: (kind: PeriodKind) => `${PERIOD_KINDS[kind]}の記録がありません`,
  afterPrevious: (kind: PeriodKind, ended: string) => `前回の${PERIOD_KINDS[kind]}の終了日（${toWareki(ended)}）より後の日付を入力してください`,
  beforeStart: (kind: PeriodKind, started: string) => kind === 'bank'
    ? `抹消日はバンク登録日（${toWareki(started)}）以降の日付を入力してください`
    : `協力員の終了日は協力員の開始日（${toWareki(started)}）以降の日付を入力してください`,
  notRegistered: '法人後見協力員はバンク登録中の人だけが記録できます',
  beforeBank: (since: string) => `協力員の開始日はバンク登録日（${toWareki(since)}）以降の日付を入力してください`,
  cooperatorOpen: '法人後見協力員として活動中です。先に協力員の終了を記録してから抹消してください',
  beforeCooperatorEnd: (ended: string) => `抹消日は法人後見協力員の終了日（${toWareki(ended)}）以降の日付を入力してください`,
} as const;

const fail = (field: string, message: string, missing?: string[]): StepOutcome => ({ ok: false, field, message, ...(missing ? { missing } : {}) });

async function lockGuardian(trx: Knex.Transaction, id: number): Promise<void> {
  const g = await trx('citizen_guardians').where({ id }).forUpdate().first('id');
  if (!g) throw new NotFoundError();
}

const openOf = (periods: PeriodRow[]) => periods.find((p) => p.ended_on === null);
const lastEnd = (periods: PeriodRow[]) => periods.map((p) => p.ended_on).filter((d): d is string => d !== null).sort().pop();

/** Opens a period of `kind` on `on` after `check` (which sees the person's periods of both kinds) allows it. */
async function openPeriod(req: Request, id: number, kind: PeriodKind, on: string, field: string,
  check: (trx: Knex.Transaction, all: PeriodRow[]) => Promise<StepOutcome | null>): Promise<StepOutcome> {
  const { db, clock } = req.deps;
  const now = clock.now();
  const by = req.user!.id;
  return inTransaction(db, async (trx) => {
    await lockGuardian(trx, id);
    const all = await periodsOf(trx, id);
    const mine = all.filter((p) => p.kind === kind);
    if (openOf(mine)) return fail(field, STEP_MESSAGES.alreadyOpen(kind));
    const ended = lastEnd(mine);
    if (ended && on <= ended) return fail(field, STEP_MESSAGES.afterPrevious(kind, ended));
    const refused = await check(trx, all);
    if (refused) return refused;
    await trx('guardian_periods').insert({ guardian_id: id, kind, started_on: on, created_at: now, created_by: by, updated_at: now, updated_by: by });
    await audit(req, kind === 'bank' ? 'guardian.bank_register' : 'guardian.cooperator_start', 'citizen_guardian', id, trx);
    return { ok: true };
  });
}

export function registerBank(req: Request, id: number, on: string): Promise<StepOutcome> {
  return openPeriod(req, id, 'bank', on, 'bank_on', async (trx) => {
    const missing = missingBankConditions(await gatingFacts(trx, id), on);
    return missing.length ? fail('bank_on', GATING_MESSAGES.summary, missing) : null;
  });
}

export function startCooperator(req: Request, id: number, on: string): Promise<StepOutcome> {
  return openPeriod(req, id, 'cooperator', on, 'coop_on', async (_trx, all) => {
    const bank = openOf(all.filter((p) => p.kind === 'bank'));
    if (!bank) return fail('coop_on', STEP_MESSAGES.notRegistered);
    return on < bank.started_on ? fail('coop_on', STEP_MESSAGES.beforeBank(bank.started_on)) : null;
  });
}

export interface CloseInput { on: string; reason: string | null; version: number }

/**
 * Why closing the open period of `kind` on `on` is refused (among the person's periods `all`), or
 * null: none open, a withdrawal while 協力員 is open, a date before the period's start or (a
 * withdrawal) before the end of a 協力員 period within it.
 */
export function closeRefusal(all: PeriodRow[], kind: PeriodKind, on: string): string | null {
  const open = openOf(all.filter((p) => p.kind === kind));
  if (!open) return STEP_MESSAGES.notOpen(kind);
  if (kind === 'bank' && openOf(all.filter((p) => p.kind === 'cooperator'))) return STEP_MESSAGES.cooperatorOpen;
  if (on < open.started_on) return STEP_MESSAGES.beforeStart(kind, open.started_on);
  const coopEnd = kind === 'bank' ? lastEnd(all.filter((p) => p.kind === 'cooperator' && p.started_on >= open.started_on)) : undefined;
  return coopEnd && on < coopEnd ? STEP_MESSAGES.beforeCooperatorEnd(coopEnd) : null;
}

/** Closes the open period of `kind` if it is still at `version`; a withdrawal is refused while 協力員 is open. */
export async function closePeriod(req: Request, id: number, kind: PeriodKind, input: CloseInput, field: string): Promise<StepOutcome> {
  const { db, clock } = req.deps;
  const now = clock.now();
  return inTransaction(db, async (trx) => {
    await lockGuardian(trx, id);
    const all = await periodsOf(trx, id);
    const open = openOf(all.filter((p) => p.kind === kind));
    if (!open) return fail(field, STEP_MESSAGES.notOpen(kind));
    if (open.version !== input.version) return { ok: false, conflict: true };
    const refused = closeRefusal(all, kind, input.on);
    if (refused) return fail(field, refused);
    const values = { ended_on: input.on, end_reason: input.reason, updated_at: now, updated_by: req.user!.id };
    if (!(await updateVersioned(trx, 'guardian_periods', open.id, input.version, values))) return { ok: false, conflict: true };
    await audit(req, kind === 'bank' ? 'guardian.bank_withdraw' : 'guardian.cooperator_end', 'citizen_guardian', id, trx);
    return { ok: true };
  });
}
