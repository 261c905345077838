import { Request } from 'express';
import { z } from 'zod';
import { SecureRouter } from '../../http/routes';
import { parseForm, renderBadRequest } from '../../http/forms';
import { flash } from '../../http/flash';
import { audit } from '../../audit/audit-writer';
import { intField, versionField } from '../../http/schema-fields';

const STALL_MESSAGE = '停滞とみなす日数を1〜365の整数で入力してください';
const schema = z.object({ petition_stall_days: intField(STALL_MESSAGE, 1, 365), version: versionField });

export function settingsRoutes(r: SecureRouter): void {
  const load = (req: Request) =>
    req.deps.db('settings').where({ key: 'petition_stall_days' }).first();

  r.get('/admin/masters/settings', 'masters:manage', async (req, res) => {
    const row = await load(req);
    res.render('admin/masters/settings', { values: { petition_stall_days: row.int_value, version: row.version } });
  });

  r.post('/admin/masters/settings', 'masters:manage', async (req, res) => {
    const form = parseForm(schema, req.body);
    if (!form.ok) return renderBadRequest(res, 'admin/masters/settings', form, req.body);
    const n = await req.deps.db.transaction(async (trx) => {
      const changed = await trx('settings').where({ key: 'petition_stall_days', version: form.data.version })
        .update({ int_value: form.data.petition_stall_days, version: form.data.version + 1, updated_at: req.deps.clock.now(), updated_by: req.user!.id });
      if (changed) await audit(req, 'master.update', 'settings', 'petition_stall_days', trx);
      return changed;
    });
    if (n === 0) {
      const row = await load(req);
      return res.status(409).render('errors/conflict', {
        backHref: '/admin/masters/settings',
        rows: [{ label: '申立て停滞とみなす日数', mine: String(form.data.petition_stall_days), theirs: String(row.int_value) }],
      });
    }
    flash(req, '設定を更新しました。');
    res.redirect(303, '/admin/masters/settings');
  });
}
