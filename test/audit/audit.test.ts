import request from 'supertest';
import { useTestApp } from '../helpers/suite';
import { makeUser } from '../helpers/factories';
import { Agent, loginAs } from '../helpers/agent';
import { writeAudit } from '../../src/audit/audit-writer';

const t = useTestApp();
let admin: { id: number; username: string };
let agent: Agent;
let alice: { id: number; username: string };
let bob: { id: number; username: string };

/**
 * Probe rows with record_type 'probe' and distinct record ids, at moments chosen around
 * the Asia/Tokyo day boundaries of 2026-11-27 (JST = UTC+9), appended in time order as the app does
 * (the list is newest first by id).
 */
const PROBES: { id: string; at: string; who: 'alice' | 'bob'; action: string }[] = [
  { id: 'p-old', at: '2025-04-01T01:00:00Z', who: 'bob', action: 'user.create' },
  { id: 'p-26-late', at: '2026-11-26T14:59:59Z', who: 'alice', action: 'user.update' }, // 11-26 23:59:59 JST
  { id: 'p-27-start', at: '2026-11-26T15:00:00Z', who: 'alice', action: 'user.create' }, // 11-27 00:00 JST
  { id: 'p-27-noon', at: '2026-11-27T03:00:00Z', who: 'bob', action: 'user.update' }, // 11-27 12:00 JST
  { id: 'p-27-end', at: '2026-11-27T14:59:59Z', who: 'bob', action: 'master.retire' }, // 11-27 23:59:59 JST
  { id: 'p-28-start', at: '2026-11-27T15:00:00Z', who: 'alice', action: 'master.retire' }, // 11-28 00:00 JST
];

beforeAll(async () => {
  admin = await makeUser(t.db, { role: 'admin' });
  alice = await makeUser(t.db, { role: 'staff' });
  bob = await makeUser(t.db, { role: 'staff' });
  for (const p of PROBES) {
    const u = p.who === 'alice' ? alice : bob;
    await writeAudit(t.db, new Date(p.at), { action: p.action, recordType: 'probe', recordId: p.id, actorId: u.id, actorUsername: u.username, ip: '192.0.2.1', requestId: `req-${p.id}` });
  }
  agent = await loginAs(t.app, admin.username);
});

/** Probe ids listed on an audit page, in display order. */
const probesIn = (html: string) => [...html.matchAll(/<td>probe (p-[\w-]+)<\/td>/g)].map((m) => m[1]);

async function csvOf(a: Agent, query = '') {
  const res = await a.get(`/admin/audit.csv${query}`).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  return { res, body: res.body as Buffer };
}

const HEADER = '日時,利用者ID,ユーザー名,操作,操作コード,対象種別,対象ID,接続元,リクエストID';

describe('who may read the audit log', () => {
  test('admin and manager read it; staff and ward get 403 (page and CSV), and the refusal is audited', async () => {
    expect((await agent.get('/admin/audit')).status).toBe(200);
    const { agent: m } = await t.login('manager');
    const page = await m.get('/admin/audit');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>操作ログ</h1>');
    expect((await csvOf(m)).res.status).toBe(200);
    for (const role of ['staff', 'ward'] as const) {
      const u = await t.login(role);
      const denied = await u.agent.get('/admin/audit');
      expect(denied.status).toBe(403);
      expect(denied.text).not.toContain('p-27-noon');
      const csv = await u.agent.get('/admin/audit.csv');
      expect(csv.status).toBe(403);
      expect(csv.headers['content-disposition']).toBeUndefined();
      expect(await t.db('audit_log').where({ action: 'access.denied', actor_id: u.id }).orderBy('id').pluck('record_id'))
        .toEqual(['GET /admin/audit', 'GET /admin/audit.csv']);
      expect(await t.db('audit_log').where({ action: 'audit.export', actor_id: u.id }).first()).toBeUndefined();
    }
    const anon = await request(t.app).get('/admin/audit.csv');
    expect(anon.status).toBe(303);
    expect(anon.headers.location).toMatch(/^\/login/);
  });
});

describe('filters', () => {
  test('by user: only that user\'s rows', async () => {
    const res = await agent.get(`/admin/audit?user=${alice.id}`);
    expect(res.status).toBe(200);
    expect(probesIn(res.text)).toEqual(['p-28-start', 'p-27-start', 'p-26-late']);
    expect(res.text).toMatch(new RegExp(`<option value="${alice.id}" selected>${alice.username}`));
  });

  test('by action: only that action', async () => {
    const res = await agent.get('/admin/audit?action=master.retire');
    expect(probesIn(res.text)).toEqual(['p-28-start', 'p-27-end']);
    expect(res.text).not.toContain('<td>ユーザー更新</td>');
    expect(res.text).toContain('<td>マスタ使用停止</td>');
    expect(res.text).toContain('<option value="master.retire" selected>マスタ使用停止</option>');
  });

  test('by date, entered as 和暦: whole days in Japan time', async () => {
    const day = await agent.get(`/admin/audit?from=${encodeURIComponent('令和8年11月27日')}&to=${encodeURIComponent('R8.11.27')}`);
    expect(day.status).toBe(200);
    expect(probesIn(day.text)).toEqual(['p-27-end', 'p-27-noon', 'p-27-start']);
    expect(day.text).toMatch(/<input id="from" name="from" value="令和8年11月27日"/);

    const fromOnly = await agent.get(`/admin/audit?from=${encodeURIComponent('令和8年11月28日')}`);
    expect(probesIn(fromOnly.text)).toEqual(['p-28-start']);
    const toOnly = await agent.get(`/admin/audit?to=${encodeURIComponent('令和7年4月1日')}`);
    expect(probesIn(toOnly.text)).toEqual(['p-old']);
    const western = await agent.get('/admin/audit?from=2026-11-26&to=2026/11/26');
    expect(probesIn(western.text)).toEqual(['p-26-late']);
  });

  test('filters combine', async () => {
    const res = await agent.get(`/admin/audit?user=${bob.id}&action=user.update&from=${encodeURIComponent('令和8年11月1日')}`);
    expect(probesIn(res.text)).toEqual(['p-27-noon']);
    const none = await agent.get(`/admin/audit?user=${alice.id}&action=user.update&from=2026-11-27`);
    expect(probesIn(none.text)).toEqual([]);
  });

  test('pages of 100, newest first; the next page continues where the first stopped, keeping the filter', async () => {
    const carol = await makeUser(t.db, { role: 'staff' });
    for (let i = 1; i <= 105; i++) {
      await writeAudit(t.db, t.clock.now(), { action: 'user.update', recordType: 'page-probe', recordId: `q-${i}`, actorId: carol.id });
    }
    const first = await agent.get(`/admin/audit?user=${carol.id}`);
    const ids = [...first.text.matchAll(/<td>page-probe (q-\d+)<\/td>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(100);
    expect(ids[0]).toBe('q-105');
    expect(ids[99]).toBe('q-6');
    const next = first.text.match(/<a href="(\/admin\/audit\?[^"]+)">さらに古いログ<\/a>/)?.[1];
    expect(next).toBeDefined();
    expect(next).toContain(`user=${carol.id}`);
    const second = await agent.get(next!.replace(/&amp;/g, '&'));
    expect([...second.text.matchAll(/<td>page-probe (q-\d+)<\/td>/g)].map((m) => m[1])).toEqual(['q-5', 'q-4', 'q-3', 'q-2', 'q-1']);
    expect(second.text).not.toContain('さらに古いログ');
  });

  test('the time shown is Japan time', async () => {
    const res = await agent.get(`/admin/audit?user=${alice.id}&action=user.create`);
    expect(res.text).toContain('<td>令和8年11月27日 00:00</td>');
  });
});

describe('CSV export', () => {
  test('UTF-8 BOM, header row, CRLF, no-store, attachment; filters apply; the export itself is audited', async () => {
    const before = await t.db('audit_log').where({ action: 'audit.export', actor_id: admin.id }).count({ n: '*' });
    const { res, body } = await csvOf(agent, `?user=${bob.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers['content-disposition'].split("''")[1])).toBe('操作ログ_2026-11-27.csv');
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const text = body.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1)).toEqual([
      `令和8年11月27日 23:59,${bob.id},${bob.username},マスタ使用停止,master.retire,probe,p-27-end,192.0.2.1,req-p-27-end`,
      `令和8年11月27日 12:00,${bob.id},${bob.username},ユーザー更新,user.update,probe,p-27-noon,192.0.2.1,req-p-27-noon`,
      `令和7年4月1日 10:00,${bob.id},${bob.username},ユーザー作成,user.create,probe,p-old,192.0.2.1,req-p-old`,
    ]);

    const exports = await t.db('audit_log').where({ action: 'audit.export', actor_id: admin.id }).select('*');
    expect(exports).toHaveLength(Number(before[0].n) + 1);
    expect(exports[exports.length - 1]).toMatchObject({ record_type: 'audit_log', actor_username: admin.username });
    // and it shows up in the log
    const page = await agent.get('/admin/audit?action=audit.export');
    expect(page.text).toContain('<td>操作ログ出力</td>');
  });

  test('date filters in 和暦 apply to the CSV too', async () => {
    const { body } = await csvOf(agent, `?from=${encodeURIComponent('令和8年11月27日')}&to=${encodeURIComponent('令和8年11月27日')}&record_type=probe`);
    const ids = body.toString('utf8').split('\r\n').slice(1).filter(Boolean).map((l) => l.split(',')[6]);
    expect(ids).toEqual(['p-27-end', 'p-27-noon', 'p-27-start']);
  });

  test('a value that a spreadsheet would run as a formula is defused', async () => {
    // login.failure keeps the user name as typed, so it can be anything
    await writeAudit(t.db, t.clock.now(), { action: 'login.failure', actorUsername: '=HYPERLINK("http://evil.example","x")', ip: '192.0.2.9' });
    const { body } = await csvOf(agent, '?action=login.failure');
    const text = body.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/);
  });
});

describe('the database keeps the audit log append-only', () => {
  test('UPDATE, DELETE and TRUNCATE are refused, even as raw SQL', async () => {
    const [{ n: before }] = await t.db('audit_log').count({ n: '*' });
    const probe = await t.db('audit_log').where({ record_type: 'probe', record_id: 'p-old' }).first();
    await expect(t.db.raw('UPDATE audit_log SET action = ? WHERE id = ?', ['tampered', probe.id])).rejects.toThrow(/append-only/);
    await expect(t.db.raw('UPDATE audit_log SET actor_id = NULL')).rejects.toThrow(/append-only/);
    await expect(t.db.raw('DELETE FROM audit_log WHERE id = ?', [probe.id])).rejects.toThrow(/append-only/);
    await expect(t.db.raw('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.raw('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db('audit_log').where({ id: probe.id }).del()).rejects.toThrow(/append-only/);
    expect(await t.db('audit_log').where({ id: probe.id }).first()).toEqual(probe);
    expect(await t.db('audit_log').count({ n: '*' })).toEqual([{ n: before }]);
    // appending still works
    await writeAudit(t.db, t.clock.now(), { action: 'probe.append', recordType: 'probe' });
    expect(await t.db('audit_log').count({ n: '*' })).toEqual([{ n: Number(before) + 1 }]);
  });
});
