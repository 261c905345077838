import { createTestApp, TestApp } from '../../helpers/app';
import { makeUser } from '../../helpers/factories';
import { Agent, csrfFrom, loginAs } from '../../helpers/agent';
import { PROGRESS_MESSAGES } from '../../../src/features/petitions/petitions-progress-schema';
import { audits, petitionIn } from './petition-factory';

let t: TestApp;
let east: Agent;

beforeAll(async () => {
  t = await createTestApp();
  const u = await makeUser(t.db, { role: 'ward', ward: '東区' });
  east = await loginAs(t.app, u.username);
});
afterAll(async () => { await t.close(); });

const petition = (id: number) => t.db('petitions').where({ id }).first();
const history = async (id: number) => (await t.db('petition_history').where({ petition_id: id }).orderBy('id')).map((h) => [h.field, h.old_value, h.new_value]);

/** Posts a form of the petition page with the page's own CSRF token. */
async function post(agent: Agent, id: number, path: string, body: Record<string, string>) {
  const page = await agent.get(`/petitions/${id}`);
  return agent.post(`/petitions/${id}${path}`).type('form').send({ ...body, _csrf: csrfFrom(page.text) });
}

describe('relatives and documents (a ward user)', () => {
  test('add, edit, delete a relative: each with a history line and an audit row; stale edits get the conflict page', async () => {
    const { id } = await petitionIn(t.db, '東区');
    const bad = await post(east, id, '/relatives', { rel_name: '', rel_relation: '長男', rel_degree: '3', rel_enquiry_on: '2026-12-01' });
    expect(bad.status).toBe(400);
    for (const m of ['親族の氏名を入力してください', PROGRESS_MESSAGES.relDegree, PROGRESS_MESSAGES.future]) expect(bad.text).toContain(m);
    expect(await t.db('petition_relatives').where({ petition_id: id })).toHaveLength(0);
    const add = await post(east, id, '/relatives', { rel_name: '東 一郎', rel_relation: '長男', rel_degree: '1', rel_enquiry_on: 'R8.11.1', rel_reply: '', rel_reply_on: '' });
    expect(add.status).toBe(303);
    const rel = await t.db('petition_relatives').where({ petition_id: id }).first();
    expect(rel).toMatchObject({ name: '東 一郎', relation: '長男', degree: 1, enquiry_sent_on: '2026-11-01', reply: null, version: 1 });

    const edit = await east.get(`/petitions/${id}/relatives/${rel.id}/edit`);
    expect(edit.status).toBe(200);
    const token = csrfFrom(edit.text);
    const form = { _csrf: token, rel_name: '東 一郎', rel_relation: '長男', rel_degree: '1', rel_enquiry_on: '2026-11-01', rel_reply: '反対', rel_reply_on: '2026-11-15', version: '1' };
    const before = await east.post(`/petitions/${id}/relatives/${rel.id}`).type('form').send({ ...form, rel_reply_on: '2026-10-01' });
    expect([before.status, before.text.includes(PROGRESS_MESSAGES.relReplyBefore)]).toEqual([400, true]);
    expect((await east.post(`/petitions/${id}/relatives/${rel.id}`).type('form').send(form)).status).toBe(303);
    expect(await t.db('petition_relatives').where({ id: rel.id }).first()).toMatchObject({ reply: '反対', reply_on: '2026-11-15', version: 2 });
    const stale = await east.post(`/petitions/${id}/relatives/${rel.id}`).type('form').send({ ...form, rel_reply: '不可' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('回答 不可');
    expect(stale.text).toContain('回答 反対');

    expect((await post(east, id, `/relatives/${rel.id}/delete`, { version: '2' })).status).toBe(303);
    expect(await t.db('petition_relatives').where({ petition_id: id })).toHaveLength(0);
    expect(await history(id)).toEqual([
      ['親族「東 一郎」', null, '長男・1親等 照会 令和8年11月1日'],
      ['親族「東 一郎」', '東 一郎 長男・1親等 照会 令和8年11月1日', '東 一郎 長男・1親等 照会 令和8年11月1日 回答 反対（令和8年11月15日）'],
      ['親族「東 一郎」', '長男・1親等 照会 令和8年11月1日 回答 反対（令和8年11月15日）', '削除'],
    ]);
    expect(await audits(t.db, 'petition.relative', id)).toHaveLength(3);
    expect((await petition(id)).version).toBe(4);
    const page = (await east.get(`/petitions/${id}`)).text;
    expect(page).toContain('親族「東 一郎」');
  });

  test('the documents checklist: ticks and dates saved, history per document, stale form gets the conflict page', async () => {
    const { id } = await petitionIn(t.db, '東区');
    const docs = await t.db('code_entries').where({ list: 'petition_document' }).orderBy('sort_order').select('id', 'label');
    const page = await east.get(`/petitions/${id}`);
    const token = csrfFrom(page.text);
    const send = (body: Record<string, string>) => east.post(`/petitions/${id}/documents`).type('form').send({ _csrf: token, ...body });
    const bad = await send({ version: '1', [`doc_${docs[0].id}_on`]: '2026-02-30' });
    expect([bad.status, bad.text.includes(PROGRESS_MESSAGES.docOn)]).toEqual([400, true]);
    const ok = await send({ version: '1', [`doc_${docs[0].id}`]: '1', [`doc_${docs[1].id}_on`]: '令和8年11月3日' });
    expect(ok.status).toBe(303);
    const rows = await t.db('petition_documents').where({ petition_id: id }).orderBy('document_id');
    expect(rows.map((r) => [r.document_id, r.gathered_on])).toEqual([[docs[0].id, null], [docs[1].id, '2026-11-03']]);
    expect(await history(id)).toEqual([
      [`書類「${docs[0].label}」`, '未収集', '収集済'], [`書類「${docs[1].label}」`, '未収集', '収集済（令和8年11月3日）'],
    ]);
    expect(await audits(t.db, 'petition.documents', id)).toHaveLength(1);
    const stale = await send({ version: '1', [`doc_${docs[2].id}`]: '1' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain(docs[2].label);
    expect(await t.db('petition_documents').where({ petition_id: id })).toHaveLength(2);
    const shown = (await east.get(`/petitions/${id}`)).text;
    expect(shown).toContain('申立書類（2 / 12 収集済）');
  });
});
