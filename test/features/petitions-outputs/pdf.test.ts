import { createTestApp, TestApp } from '../../helpers/app';
import { insertPerson, makeUser } from '../../helpers/factories';
import { Agent, loginAs } from '../../helpers/agent';
import { pdfPages } from '../../lib/table/fixtures';
import { STAGES } from '../../../src/features/petitions/stages/petition-stages';
import { APPROVAL_LABELS } from '../../../src/features/petitions/outputs/petitions-pdf';
import { insertPetition } from './petition-data';

let t: TestApp;
let eastPetition: number;
let westPetition: number;
let staff: Agent;
const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const wardId = async (name: string) => (await t.db('wards').where({ name }).first('id')).id as number;
const code = async (list: string, label: string) => (await t.db('code_entries').where({ list, label }).first('id')).id as number;

beforeAll(async () => {
  t = await createTestApp();
  const east = await wardId('東区');
  const person = await insertPerson(t.db, { name: '熊本 花子', name_kana: 'クマモト　ハナコ', birth_date: '1940-05-01', ward_id: east, address: '熊本市東区健軍1丁目1-1' });
  eastPetition = await insertPetition(t.db, person, {
    ward_id: east, legal_basis_id: await code('legal_basis', '老人福祉法第32条'), type_sought_id: await code('guardianship_type', '保佐'),
  });
  await t.db('petitions').where({ id: eastPetition }).update({ reason: '親族拒否', urgency: '緊急', case_number: '令和6年(家)第123号' });
  await t.db('petition_stages').insert([
    { petition_id: eastPetition, stage: 1, status: 'done', completed_on: '2024-04-01', note: 'ささえりあ健軍から' },
    { petition_id: eastPetition, stage: 2, status: 'historical', completed_on: null },
    { petition_id: eastPetition, stage: 3, status: 'done', completed_on: '2024-05-20' },
  ]);
  await t.db('petition_relatives').insert({ petition_id: eastPetition, name: '熊本 一郎', relation: '長男', degree: 1, enquiry_sent_on: '2024-05-01', reply: '不可', reply_on: '2024-05-15' });
  westPetition = await insertPetition(t.db, await insertPerson(t.db, { birth_date: '1940-01-01' }), { ward_id: await wardId('西区') });
  staff = await loginAs(t.app, (await makeUser(t.db, { role: 'staff' })).username);
});
afterAll(async () => { await t.close(); });

const squash = (s: string) => s.replace(/\s+/g, '');

test('the sheet: A4 portrait PDF with the person, the basics, the 12 stages, the relatives and the 決裁欄; audited', async () => {
  const res = await staff.get(`/petitions/${eastPetition}/pdf`).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['content-disposition']).toContain(encodeURIComponent(`市長申立て進行管理票_${eastPetition}.pdf`));
  const body = res.body as Buffer;
  expect(body.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
  const text = squash(pdfPages(body).join('\n'));
  expect(text).toContain('市長申立て進行管理票');
  for (const s of STAGES) expect([s.name, text.includes(squash(s.name))]).toEqual([s.name, true]);
  for (const label of ['区長', '課長', '係長', '担当']) expect(text).toContain(label);
  expect(APPROVAL_LABELS).toEqual(['区長', '課長', '係長', '担当']);
  for (const s of ['熊本花子', 'クマモトハナコ', '昭和15年5月1日', '熊本市東区健軍1丁目1-1', '老人福祉法第32条', '親族拒否', '緊急', '保佐', '令和6年(家)第123号',
    '令和6年4月1日', 'ささえりあ健軍から', '完了（日付不明・過去分）', '令和6年5月20日', '現在の段階', '熊本一郎', '長男', '1親等', '不可', '令和6年5月15日']) {
    expect([s, text.includes(s)]).toEqual([s, true]);
  }
  const audit = await t.db('audit_log').where({ action: 'petition.print', record_type: 'petition', record_id: String(eastPetition) });
  expect(audit).toHaveLength(1);
});

test('a ward user prints their own ward\'s petition; another ward\'s answers 404 like a missing one, audited', async () => {
  const u = await makeUser(t.db, { role: 'ward', ward: '東区' });
  const agent = await loginAs(t.app, u.username);
  expect((await agent.get(`/petitions/${eastPetition}/pdf`)).status).toBe(200);
  const other = await agent.get(`/petitions/${westPetition}/pdf`);
  expect(other.status).toBe(404);
  expect(other.headers['content-type']).toMatch(/text\/html/);
  expect(await t.db('audit_log').where({ action: 'petition.denied', record_id: String(westPetition), actor_id: u.id })).toHaveLength(1);
  expect(await t.db('audit_log').where({ action: 'petition.print', record_id: String(westPetition) })).toHaveLength(0);
  expect((await agent.get('/petitions/99999999/pdf')).status).toBe(404);
});

test('a petition without relatives or stages still prints; a manager may print; an admin may not; bad ids 404', async () => {
  const mgr = await loginAs(t.app, (await makeUser(t.db, { role: 'manager' })).username);
  const res = await mgr.get(`/petitions/${westPetition}/pdf`).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  const text = squash(pdfPages(res.body as Buffer).join('\n'));
  expect(text).toContain('記録なし');
  expect(text).toContain('現在の段階');
  const admin = await loginAs(t.app, (await makeUser(t.db, { role: 'admin' })).username);
  expect((await admin.get(`/petitions/${westPetition}/pdf`)).status).toBe(403);
  expect((await staff.get('/petitions/abc/pdf')).status).toBe(404);
});
