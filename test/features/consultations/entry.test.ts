import { useTestApp } from '../../helpers/suite';
import { CONSULTATION_MESSAGES as M } from '../../../src/features/consultations/consultations-schema';
import { categoryId, formValues, submitNew } from './helpers';
import { codeId } from '../../helpers/factories';

const t = useTestApp(); // 2026-11-27 10:00 in Tokyo
const staff = t.user('staff');
let leaf: number;
beforeAll(async () => { leaf = await categoryId(t.db, '制度説明'); });

const newest = () => t.db('consultations').orderBy('id', 'desc').first();

describe('entry form', () => {
  test('opens with today, the current user as staff, autofocus on 相談日, leaves-only categories in optgroups', async () => {
    const res = await staff.agent.get('/consultations/new');
    const v = formValues(res.text, '/consultations');
    expect(v.consulted_on).toBe('2026-11-27');
    expect(v.staff_id).toBe(String(staff.id));
    expect(res.text).toMatch(/id="consulted_on"[^>]*autofocus/);
    expect(res.text).toContain('令和8年11月27日（2026年11月27日）');
    const select = res.text.match(/<select id="category_id"[\s\S]*?<\/select>/)![0];
    expect(select).toMatch(/<optgroup label="後見人支援">\s*<option value="\d+">身上保護<\/option>\s*<option value="\d+">財産管理<\/option>\s*<\/optgroup>/);
    expect(select).not.toContain(`value="${await categoryId(t.db, '後見人支援')}"`);
    const labels = [...select.matchAll(/<option value="\d+">([^<]+)<\/option>/g)].map((m) => m[1]);
    expect(labels).toEqual(['問い合わせ', '権利擁護', '制度説明', '申立支援', '身上保護', '財産管理', '後見人候補者', '状況調査',
      '今後の生活設計', '任意後見', 'その他', '連絡調整', '専門相談']);
  });

  test('keyboard-minimal entry (category only) saves with the defaults, redirects to the record and audits', async () => {
    const res = await submitNew(staff.agent, { category_id: String(leaf) });
    expect(res.status).toBe(303);
    const row = await newest();
    expect(res.headers.location).toBe(`/consultations/${row.id}`);
    expect(row).toMatchObject({ consulted_on: '2026-11-27', category_id: leaf, staff_id: staff.id, person_id: null, created_by: staff.id, version: 1 });
    const audits = await t.db('audit_log').where({ action: 'consultation.create', record_id: String(row.id) });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ record_type: 'consultation', actor_id: staff.id });
  });

  test('和暦 date, time and duration in full width are understood and stored normalised', async () => {
    const method = await codeId(t.db, 'consultation_method', '電話');
    const res = await submitNew(staff.agent, {
      category_id: String(leaf), consulted_on: 'R7.4.1', start_time: '９：０５', duration_minutes: '３０',
      method_id: String(method), content: '制度について', follow_up_on: '令和7年4月15日',
    });
    expect(res.status).toBe(303);
    expect(await newest()).toMatchObject({ consulted_on: '2025-04-01', start_time: '09:05', duration_minutes: 30, method_id: method, content: '制度について', follow_up_on: '2025-04-15' });
  });

  test.each([
    ['bad date', { consulted_on: '2025-02-30' }, 'consulted_on', M.consultedOn],
    ['future date', { consulted_on: '2026-11-28' }, 'consulted_on', M.consultedOnFuture],
    ['bad time', { start_time: '25:00' }, 'start_time', M.startTime],
    ['negative duration', { duration_minutes: '-5' }, 'duration_minutes', M.duration],
    ['no category', { category_id: '' }, 'category_id', M.category],
    ['unknown category', { category_id: '99999' }, 'category_id', M.categoryUnknown],
    ['unknown method id', { method_id: '99999' }, 'method_id', M.method],
    ['method id from another list', { method_id: 'SEX' }, 'method_id', M.method],
    ['non-numeric consultee', { consultee_id: 'abc' }, 'consultee_id', M.consultee],
    ['unknown ward', { ward_id: '99999' }, 'ward_id', M.ward],
    ['unknown person', { person_id: '99999' }, 'person_id', M.person],
    ['bad follow-up date', { follow_up_on: '令和7年13月1日' }, 'follow_up_on', M.followUpOn],
    ['follow-up before the consultation', { consulted_on: '2026-11-20', follow_up_on: '2026-11-19' }, 'follow_up_on', M.followUpBefore],
    ['no staff', { staff_id: '' }, 'staff_id', M.staff],
  ])('%s: 400, the message next to the field and in the summary, typed values kept, nothing stored', async (_name, change, field, message) => {
    const before = (await t.db('consultations').count({ n: '*' }))[0].n;
    const body: Record<string, string> = { category_id: String(leaf), content: '残す内容', ...change };
    if (body.method_id === 'SEX') body.method_id = String(await codeId(t.db, 'sex', '男性'));
    const res = await submitNew(staff.agent, body);
    expect(res.status).toBe(400);
    expect(res.text).toContain(`id="${field}-error">${message}</p>`);
    expect(res.text).toContain(`<a href="#${field}">${message}</a>`);
    if (field === 'person_id') expect(res.text).toContain('<fieldset class="field person-field field-error"');
    else expect(res.text).toMatch(new RegExp(`<(input|select) id="${field}"[^>]*aria-invalid="true"`));
    expect(res.text).toContain('残す内容</textarea>');
    expect((await t.db('consultations').count({ n: '*' }))[0].n).toBe(before);
  });

  test('a parent category and a retired one are refused with their own messages', async () => {
    const parent = await categoryId(t.db, '後見人支援');
    const res = await submitNew(staff.agent, { category_id: String(parent) });
    expect(res.status).toBe(400);
    expect(res.text).toContain(M.categoryParent);
    const retired = await categoryId(t.db, '任意後見');
    await t.db('consultation_categories').where({ id: retired }).update({ retired_at: new Date() });
    try {
      const form = await staff.agent.get('/consultations/new');
      const select = form.text.match(/<select id="category_id"[\s\S]*?<\/select>/)![0];
      expect(select).not.toContain(`<option value="${retired}">`);
      expect(select).toContain('<option value="');
      const res2 = await submitNew(staff.agent, { category_id: String(retired) });
      expect(res2.status).toBe(400);
      expect(res2.text).toContain(M.categoryRetired);
    } finally {
      await t.db('consultation_categories').where({ id: retired }).update({ retired_at: null });
    }
  });

  test('several errors are listed together in form order', async () => {
    const res = await submitNew(staff.agent, { consulted_on: 'きのう', duration_minutes: '-1', category_id: '', staff_id: '' });
    expect(res.status).toBe(400);
    const summary = res.text.match(/<div class="error-summary"[\s\S]*?<\/div>/)![0];
    const fields = [...summary.matchAll(/href="#([a-z_]+)"/g)].map((m) => m[1]);
    expect(fields).toEqual(['consulted_on', 'duration_minutes', 'category_id', 'staff_id']);
  });
});
