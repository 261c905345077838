/**
 * Issue 13 S10: a text search of the consultations (q) is audited like a person search: the
 * action and the record type, never the words typed.
 */
import { useTestApp } from '../../helpers/suite';
import { categoryId } from './helpers';
import { insertConsultation } from '../../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');
const manager = t.user('manager');
const WORDS = '山田 預金';

beforeAll(async () => {
  await insertConsultation(t.db, { category_id: await categoryId(t.db, '制度説明'), content: `${WORDS}の管理について` });
});

const searches = () => t.db('audit_log').where({ action: 'consultation.search' }).orderBy('id');

test('each search by words is audited with its actor and request, without the words', async () => {
  for (const [who, query] of [[staff, `q=${encodeURIComponent(WORDS)}`], [manager, `q=${encodeURIComponent('預金')}&fy=2026`]] as const) {
    const res = await who.agent.get(`/consultations?${query}`);
    expect(res.status).toBe(200);
    const rows = await t.db('audit_log').where({ action: 'consultation.search', request_id: res.headers['x-request-id'] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: who.id, record_type: 'consultation', record_id: null });
  }
  const all = JSON.stringify(await t.db('audit_log').select());
  for (const word of ['山田', '預金']) expect(all).not.toContain(word);
});

test('listing or filtering without words is not a search', async () => {
  const before = (await searches()).length;
  for (const query of ['', 'fy=2026', 'q=', 'q=%20%20']) expect((await staff.agent.get(`/consultations?${query}`)).status).toBe(200);
  expect((await searches()).length).toBe(before);
});

test('the audit viewer names the action', async () => {
  const admin = await t.login('admin');
  const page = await admin.agent.get('/admin/audit?action=consultation.search');
  expect(page.text).toContain('相談記録の検索');
});
