import { Request } from 'express';
import { z } from 'zod';
import { SecureRouter } from '../../http/routes';
import { fieldError, FormErrors, parseForm, renderFormPage } from '../../http/forms';
import { flash } from '../../http/flash';
import { audit } from '../../audit/audit-writer';
import { dateField, intField } from '../../http/schema-fields';
import { addDays } from '../../lib/dates';
import { inTransaction, updateVersioned } from '../../db/tx';

const SETTINGS = ['在宅', '施設'] as const;
const MESSAGES = {
  setting: '在宅か施設かを選択してください',
  amount: '月額上限を0〜1,000,000円の整数で入力してください',
  from: '適用開始日を正しい日付で入力してください（例：2025-04-01、令和7年4月1日）',
  notAfter: '適用開始日は現在の上限額の適用開始日より後にしてください',
};

const capSchema = z.object({
  setting: z.enum(SETTINGS, { error: MESSAGES.setting }),
  monthly_yen: intField('月額上限', 0, 1_000_000, { invalid: MESSAGES.amount, unit: /円$/ }),
  valid_from: dateField('適用開始日', MESSAGES.from),
});

const listCaps = (req: Request) =>
  req.deps.db('subsidy_caps').orderBy([{ column: 'setting' }, { column: 'valid_from', order: 'desc' }]);

/** Subsidy caps with validity dates: a new cap closes the one in force the day before it starts. */
export function capsRoutes(r: SecureRouter): void {
  r.get('/admin/masters/subsidy-caps', 'masters:manage', async (req, res) => {
    res.render('admin/masters/caps', { caps: await listCaps(req), settings: SETTINGS, values: {} });
  });

  r.post('/admin/masters/subsidy-caps', 'masters:manage', async (req, res) => {
    const form = parseForm(capSchema, req.body);
    const rerender = async (e: FormErrors) =>
      renderFormPage(res, 'admin/masters/caps', { caps: await listCaps(req), settings: SETTINGS }, { ...e, values: req.body });
    if (!form.ok) return rerender(form);
    const { setting, monthly_yen, valid_from } = form.data;
    const ok = await inTransaction(req.deps.db, async (trx) => {
      const latest = await trx('subsidy_caps').where({ setting }).orderBy('valid_from', 'desc').first().forUpdate();
      if (latest && latest.valid_from >= valid_from) return false;
      if (latest) {
        await updateVersioned(trx, 'subsidy_caps', latest.id, latest.version, { valid_to: addDays(valid_from, -1) });
        await audit(req, 'master.update', 'subsidy_caps', latest.id, trx);
      }
      const [{ id }] = await trx('subsidy_caps').insert({ setting, monthly_yen, valid_from, updated_by: req.user!.id }).returning('id');
      await audit(req, 'master.create', 'subsidy_caps', id, trx);
      return true;
    });
    if (!ok) return rerender(fieldError('valid_from', MESSAGES.notAfter));
    flash(req, '報酬助成の上限額を登録しました。');
    res.redirect(303, '/admin/masters/subsidy-caps');
  });
}
