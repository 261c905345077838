/**
 * Optimistic locking under load: 20 saves of one record, all from the same version, sent at once.
 * Exactly one is stored; the other 19 get the conflict page; nothing else changes.
 */
import { useTestApp } from '../helpers/suite';
import { Agent } from '../helpers/agent';
import { Pair } from './forms';
import { openForm, send } from './browser';
import { insertPerson, wardId } from '../helpers/factories';

const t = useTestApp();
const staff = t.user('staff');
const SAVES = 20;

const withField = (pairs: Pair[], name: string, value: string): Pair[] => pairs.map(([k, v]): Pair => [k, k === name ? value : v]);

/**
 * Two people open the edit page (same version); between them they send SAVES edits at once, each
 * with its own value of `field`. Returns the answers and which save was stored.
 */
async function race(agents: Agent[], page: string, action: string, field: string) {
  const forms = await Promise.all(agents.map((a) => openForm(a, page, action)));
  expect(new Set(forms.map((f) => f.find(([k]) => k === 'version')![1])).size).toBe(1);
  const answers = await Promise.all(Array.from({ length: SAVES }, (_, i) =>
    send(agents[i % agents.length], action, withField(forms[i % agents.length], field, `保存 ${i}`))));
  const statuses = answers.map((r) => r.status);
  const winner = statuses.indexOf(303);
  return { answers, statuses, winner };
}

test('20 saves of one person from one version: one is stored, 19 see the conflict page', async () => {
  const id = await insertPerson(t.db, { name: '競合 太郎', name_kana: 'キョウゴウ タロウ', ward_id: await wardId(t.db, '東区') });
  const { agent: other } = await t.login('staff');
  const { answers, statuses, winner } = await race([staff.agent, other], `/persons/${id}/edit`, `/persons/${id}`, 'notes');
  expect(statuses.filter((s) => s === 303)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(SAVES - 1);
  for (const r of answers.filter((a) => a.status === 409)) expect(r.text).toContain('他の人が先に更新しました');
  const stored = await t.db('persons').where({ id }).first();
  expect(stored.notes).toBe(`保存 ${winner}`);
  expect(stored.version).toBe(2);
  expect(await t.db('audit_log').where({ action: 'person.update', record_id: String(id) })).toHaveLength(1);
});

test('20 saves of one consultation from one version: one is stored, 19 see the conflict page', async () => {
  const cat = await t.db('consultation_categories').whereNull('parent_id').orderBy('sort_order').first('id');
  const [{ id }] = await t.db('consultations').insert({ consulted_on: '2026-11-01', category_id: cat.id, staff_id: staff.id }).returning('id');
  const { agent: other } = await t.login('staff');
  const { answers, statuses, winner } = await race([staff.agent, other], `/consultations/${id}/edit`, `/consultations/${id}`, 'content');
  expect(statuses.filter((s) => s === 303)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(SAVES - 1);
  for (const r of answers.filter((a) => a.status === 409)) expect(r.text).toContain('他の人が先に更新しました');
  const stored = await t.db('consultations').where({ id }).first();
  expect(stored.content).toBe(`保存 ${winner}`);
  expect(stored.version).toBe(2);
  expect(await t.db('audit_log').where({ action: 'consultation.update', record_id: String(id) })).toHaveLength(1);
  expect(Number((await t.db('consultations').count({ n: '*' }))[0].n)).toBe(1);
});
