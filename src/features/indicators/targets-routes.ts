/**
 * /admin/masters/indicator-targets: the indicators' baselines and targets, master data an admin
 * edits (versioned, audited). Registered before the generic /admin/masters/:kind routes.
 */
import { Request, Response } from 'express';
import { audit } from '../../audit/audit-writer';
import { inTransaction, updateVersioned } from '../../db/tx';
import { NotFoundError } from '../../http/errors';
import { flash } from '../../http/flash';
import { FormErrors, parseForm, renderFormPage } from '../../http/forms';
import { idParam } from '../../http/params';
import { SecureRouter } from '../../http/routes';
import { INDICATORS, type IndicatorDef } from './indicator-defs';
import { loadTargets, type Target } from './indicator-targets';
import { targetRule, targetSchema } from './targets-schema';
import { conflictRows, renderConflictPage } from '../../http/conflict';

const BASE = '/admin/masters/indicator-targets';
const FIELDS = ['baseline_year', 'baseline_value', 'target_year', 'target_value'] as const;

async function loadOne(req: Request): Promise<{ target: Target; def: IndicatorDef }> {
  const id = idParam(req);
  const target = [...(await loadTargets(req.deps.db)).values()].find((t) => t.id === id);
  const def = target && INDICATORS.find((d) => d.key === target.indicator);
  if (!target || !def) throw new NotFoundError();
  return { target, def };
}

function renderEdit(res: Response, t: { target: Target; def: IndicatorDef }, values: Record<string, unknown>, e?: FormErrors) {
  renderFormPage(res, 'indicators/target-edit', { ...t, values }, e);
}

export function indicatorTargetsRoutes(r: SecureRouter): void {
  r.get(BASE, 'masters:manage', async (req, res) => {
    const targets = await loadTargets(req.deps.db);
    res.render('indicators/targets', { rows: INDICATORS.map((def) => ({ def, target: targets.get(def.key) })) });
  });

  r.get(`${BASE}/:id/edit`, 'masters:manage', async (req, res) => {
    const t = await loadOne(req);
    renderEdit(res, t, t.target as unknown as Record<string, unknown>);
  });

  r.post(`${BASE}/:id`, 'masters:manage', async (req, res) => {
    const t = await loadOne(req);
    const form = parseForm(targetSchema, req.body, targetRule);
    if (!form.ok) return renderEdit(res, t, req.body ?? {}, form);
    const { version, ...values } = form.data;
    const saved = await inTransaction(req.deps.db, async (trx) => {
      const ok = await updateVersioned(trx, 'indicator_targets', t.target.id, version, { ...values, updated_at: req.deps.clock.now(), updated_by: req.user!.id });
      if (ok) await audit(req, 'master.update', 'indicator_targets', t.target.id, trx);
      return ok;
    });
    if (!saved) {
      const now = (await loadOne(req)).target;
      const labels = { baseline_year: '基準年', baseline_value: '基準値', target_year: '目標年', target_value: '目標値' };
      return renderConflictPage(res, {
        backHref: `${BASE}/${t.target.id}/edit`,
        rows: conflictRows(FIELDS, (f) => labels[f], (f) => String(values[f]), (f) => String(now[f])),
      });
    }
    flash(req, `指標${t.def.no}の基準値・目標値を更新しました。`);
    res.redirect(303, BASE);
  });
}
