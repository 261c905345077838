import { useTestApp } from '../../helpers/suite';
import { postForm } from '../../helpers/agent';
import { pdfPages } from '../../lib/table/fixtures';
import { personTimeline } from '../../../src/features/persons/persons-show-routes';
import { TIMELINE_SOURCES } from '../../../src/features';
import { categoryId, formValues, listedIds } from './helpers';
import { codeId, insertConsultation, insertPerson } from '../../helpers/factories';

const t = useTestApp(); // 2026-11-27 in Tokyo
const staff = t.user('staff');
const manager = t.user('manager');
let explain: number;
beforeAll(async () => { explain = await categoryId(t.db, '制度説明'); });

const audits = (action: string, id: number) => t.db('audit_log').where({ action, record_type: 'consultation', record_id: String(id) });
const make = (extra: Record<string, unknown> = {}) =>
  insertConsultation(t.db, { consulted_on: '2025-04-01', category_id: explain, staff_id: staff.id, content: '最初の内容', ...extra });

describe('detail and edit', () => {
  test('the detail page shows the fields in 和暦 and audits the view (ids only)', async () => {
    const id = await make({ start_time: '10:00', duration_minutes: 45, method_id: await codeId(t.db, 'consultation_method', '訪問') });
    const res = await manager.agent.get(`/consultations/${id}`);
    expect(res.status).toBe(200);
    for (const text of ['令和7年4月1日', '10:00', '45分', '訪問', '制度説明', '最初の内容', '匿名（本人の登録なし）']) expect(res.text).toContain(text);
    expect(res.text).not.toContain(`/consultations/${id}/edit`);
    const rows = await audits('consultation.view', id);
    expect(rows).toHaveLength(1);
    expect(rows[0].record_id).toBe(String(id));
  });

  test('an edit saves with the version and moves it on; a stale version gets the 409 page with both versions', async () => {
    const id = await make();
    const form = formValues((await staff.agent.get(`/consultations/${id}/edit`)).text, `/consultations/${id}`);
    expect(form).toMatchObject({ consulted_on: '2025-04-01', version: '1', content: '最初の内容' });
    const first = await staff.agent.post(`/consultations/${id}`).type('form').send({ ...form, content: '先に保存した内容' });
    expect(first.status).toBe(303);
    expect(await t.db('consultations').where({ id }).first()).toMatchObject({ version: 2, content: '先に保存した内容', updated_by: staff.id });
    expect(await audits('consultation.update', id)).toHaveLength(1);
    const stale = await staff.agent.post(`/consultations/${id}`).type('form').send({ ...form, content: '後から保存しようとした内容' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('後から保存しようとした内容');
    expect(stale.text).toContain('先に保存した内容');
    expect(stale.text).toMatch(/<tr class="changed"><th scope="row">内容<\/th>/);
    expect((await t.db('consultations').where({ id }).first()).content).toBe('先に保存した内容');
  });

  test('an edit keeps a category retired since; a new follow-up date clears the done mark', async () => {
    const voluntary = await categoryId(t.db, '任意後見');
    const id = await make({ category_id: voluntary, follow_up_on: '2025-04-10', follow_up_done_at: new Date() });
    await t.db('consultation_categories').where({ id: voluntary }).update({ retired_at: new Date() });
    try {
      const page = await staff.agent.get(`/consultations/${id}/edit`);
      expect(page.text).toContain('任意後見（使用停止）');
      const form = formValues(page.text, `/consultations/${id}`);
      expect(form.category_id).toBe(String(voluntary));
      expect((await staff.agent.post(`/consultations/${id}`).type('form').send(form)).status).toBe(303);
      expect((await t.db('consultations').where({ id }).first()).follow_up_done_at).not.toBeNull();
      const again = formValues((await staff.agent.get(`/consultations/${id}/edit`)).text, `/consultations/${id}`);
      expect((await staff.agent.post(`/consultations/${id}`).type('form').send({ ...again, follow_up_on: '2025-05-01' })).status).toBe(303);
      expect(await t.db('consultations').where({ id }).first()).toMatchObject({ follow_up_on: '2025-05-01', follow_up_done_at: null });
    } finally {
      await t.db('consultation_categories').where({ id: voluntary }).update({ retired_at: null });
    }
  });
});

describe('delete and restore', () => {
  test('delete needs a reason; then the record leaves the list, the detail and the timeline', async () => {
    const person = await insertPerson(t.db, { name: '削除 テスト', name_kana: 'サクジョ　テスト' });
    const id = await make({ person_id: person });
    expect((await personTimeline(t.db, person, TIMELINE_SOURCES)).map((e) => e.href)).toEqual([`/consultations/${id}`]);
    const empty = await postForm(staff.agent, `/consultations/${id}/delete`, { reason: '  ' }, `/consultations/${id}`);
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('id="reason-error">削除の理由を入力してください</p>');
    expect((await t.db('consultations').where({ id }).first()).deleted_at).toBeNull();
    const res = await postForm(staff.agent, `/consultations/${id}/delete`, { reason: '二重登録のため' }, `/consultations/${id}`);
    expect(res.status).toBe(303);
    expect(await t.db('consultations').where({ id }).first()).toMatchObject({ deleted_reason: '二重登録のため', deleted_by: staff.id });
    expect(await audits('consultation.delete', id)).toHaveLength(1);
    expect(listedIds((await staff.agent.get('/consultations')).text)).not.toContain(id);
    expect((await staff.agent.get(`/consultations/${id}`)).status).toBe(404);
    expect((await staff.agent.get(`/consultations/${id}/pdf`)).status).toBe(404);
    expect(await personTimeline(t.db, person, TIMELINE_SOURCES)).toEqual([]);
  });

  test('the deleted list shows minimal columns (no content); a manager restores, staff may not', async () => {
    const id = await make({ content: '秘密の相談内容' });
    await postForm(staff.agent, `/consultations/${id}/delete`, { reason: '誤入力' }, `/consultations/${id}`);
    expect((await staff.agent.get('/consultations/deleted')).status).toBe(403);
    expect((await postForm(staff.agent, `/consultations/${id}/restore`, {}, '/consultations')).status).toBe(403);
    const list = await manager.agent.get('/consultations/deleted');
    expect(list.status).toBe(200);
    expect(list.text).toContain('誤入力');
    expect(list.text).toContain('令和7年4月1日');
    expect(list.text).not.toContain('秘密の相談内容');
    const res = await postForm(manager.agent, `/consultations/${id}/restore`, {}, '/consultations/deleted');
    expect(res.status).toBe(303);
    expect(await t.db('consultations').where({ id }).first()).toMatchObject({ deleted_at: null, deleted_reason: null });
    expect(await audits('consultation.restore', id)).toHaveLength(1);
    expect((await staff.agent.get(`/consultations/${id}`)).status).toBe(200);
    expect((await postForm(manager.agent, `/consultations/${id}/restore`, {}, '/consultations/deleted')).status).toBe(404);
  });

  test('an admin can restore too', async () => {
    const { agent: admin } = await t.login('admin');
    const id = await make({ deleted_at: new Date(), deleted_reason: 'テスト', deleted_by: staff.id });
    expect((await admin.get('/consultations/deleted')).status).toBe(200);
    expect((await postForm(admin, `/consultations/${id}/restore`, {}, '/consultations/deleted')).status).toBe(303);
    expect((await admin.get(`/consultations/${id}`)).status).toBe(403);
  });
});

describe('相談記録票 PDF', () => {
  test('A4, inline, with the title, the 和暦 date and the content (long content runs onto a second page); audited', async () => {
    const person = await insertPerson(t.db, { name: '熊本 太郎', name_kana: 'クマモト　タロウ', birth_date: '1945-01-02' });
    const long = `${'成年後見制度の利用について長い相談がありました。'.repeat(150)}最後の一文です。`;
    const id = await make({ person_id: person, consulted_on: '2019-05-01', content: long, response: '制度の説明をした' });
    const res = await manager.agent.get(`/consultations/${id}/pdf`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline;/);
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdfPages(body);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const text = pages.join('\n').replace(/\s+/g, '');
    for (const s of ['相談記録票', '令和元年5月1日', '熊本太郎', '昭和20年1月2日生', '制度の説明をした', '最後の一文です。', '内容（続き）']) expect(text).toContain(s);
    expect(await audits('consultation.print', id)).toHaveLength(1);
  });
});
