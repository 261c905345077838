import { Request, Response } from 'express';
import { z } from 'zod';
import { SecureRouter } from '../../http/routes';
import { parseForm, renderFormPage } from '../../http/forms';
import { flash } from '../../http/flash';
import { audit } from '../../audit/audit-writer';
import { intField, versionField } from '../../http/schema-fields';
import { ROLES, ROLE_LABELS } from '../../policy';
import { loadRequiredRoles, saveRequiredRoles } from '../../auth/two-factor-settings';
import { inTransaction, updateVersioned } from '../../db/tx';
import { renderConflictPage } from '../../http/conflict';

const VIEW = 'admin/masters/settings';
const STALL_MESSAGE = '停滞とみなす日数を1〜365の整数で入力してください';
const ROLES_MESSAGE = '役割の選択肢から選んでください';
const schema = z.object({ petition_stall_days: intField('停滞とみなす日数', 1, 365, { invalid: STALL_MESSAGE, unit: /日$/ }), version: versionField });
/** Checked boxes arrive as nothing, one value or several. */
const twoFactorSchema = z.object({
  required_roles: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(ROLES, { error: ROLES_MESSAGE }), { error: ROLES_MESSAGE })),
  two_factor_version: versionField,
});

export function settingsRoutes(r: SecureRouter): void {
  const load = (req: Request) =>
    req.deps.db('settings').where({ key: 'petition_stall_days' }).first();
  const twoFactorLocals = async (req: Request) => ({ twoFactor: await loadRequiredRoles(req.deps.db), roles: ROLES, roleLabels: ROLE_LABELS });
  const render = async (req: Request, res: Response) => {
    const row = await load(req);
    res.render(VIEW, { values: { petition_stall_days: row.int_value, version: row.version }, ...(await twoFactorLocals(req)) });
  };

  r.get('/admin/masters/settings', 'masters:manage', render);

  r.post('/admin/masters/settings', 'masters:manage', async (req, res) => {
    const form = parseForm(schema, req.body);
    if (!form.ok) return renderFormPage(res, VIEW, await twoFactorLocals(req), { ...form, values: req.body });
    const saved = await inTransaction(req.deps.db, async (trx) => {
      const changed = await updateVersioned(trx, 'settings', { key: 'petition_stall_days' }, form.data.version,
        { int_value: form.data.petition_stall_days, updated_at: req.deps.clock.now(), updated_by: req.user!.id });
      if (changed) await audit(req, 'master.update', 'settings', 'petition_stall_days', trx);
      return changed;
    });
    if (!saved) {
      const row = await load(req);
      return renderConflictPage(res, {
        backHref: '/admin/masters/settings',
        rows: [{ label: '申立て停滞とみなす日数', mine: String(form.data.petition_stall_days), theirs: String(row.int_value) }],
      });
    }
    flash(req, '設定を更新しました。');
    res.redirect(303, '/admin/masters/settings');
  });

  // Which roles must use a second factor (takes effect at each user's next request).
  r.post('/admin/masters/settings/two-factor', 'masters:manage', async (req, res) => {
    const form = parseForm(twoFactorSchema, req.body);
    if (!form.ok) {
      const row = await load(req);
      return renderFormPage(res, VIEW, await twoFactorLocals(req), { ...form, values: { petition_stall_days: row.int_value, version: row.version } });
    }
    const { required_roles: roles, two_factor_version: version } = form.data;
    const saved = await inTransaction(req.deps.db, async (trx) => {
      const ok = await saveRequiredRoles(trx, roles, version, req.user!.id, req.deps.clock.now());
      if (ok) await audit(req, 'master.update', 'settings', 'two_factor_required', trx);
      return ok;
    });
    if (!saved) {
      const current = await loadRequiredRoles(req.deps.db);
      const names = (rs: readonly string[]) => rs.map((x) => ROLE_LABELS[x as keyof typeof ROLE_LABELS]).join('、') || 'なし';
      return renderConflictPage(res, {
        backHref: '/admin/masters/settings',
        rows: [{ label: '二段階認証を必須とする役割', mine: names(roles), theirs: names(current.roles) }],
      });
    }
    flash(req, '二段階認証を必須とする役割を更新しました。');
    res.redirect(303, '/admin/masters/settings');
  });
}
