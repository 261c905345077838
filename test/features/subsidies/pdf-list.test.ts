import { useTestApp } from '../../helpers/suite';
import { pdfPages } from '../../lib/table/fixtures';
import { insertSubsidy, listedIds, subsidyPerson } from './subsidy-factory';

const t = useTestApp(); // 2026-11-27
const staff = t.user('staff');
const manager = t.user('manager');

const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const squash = (s: string) => s.replace(/\s+/g, '');

describe('the decision notice', () => {
  test('助成決定通知書: A4, 和暦 dates, the amount and its working; audited', async () => {
    const id = await insertSubsidy(t.db, {
      person_id: await subsidyPerson(t.db), status: '決定', decided_on: '2026-11-20', fee: 150000, home: 3, facility: 2, granted: 120000,
      period_from: '2025-11-01', period_to: '2026-10-31', values: { case_number: '令和8年(家)第321号' },
    });
    const res = await staff.agent.get(`/subsidies/${id}/pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`報酬助成決定通知書_${id}.pdf`));
    const body = res.body as Buffer;
    expect(body.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const text = squash(pdfPages(body).join('\n'));
    for (const s of ['報酬助成決定通知書', '熊本市長', '熊健福第1号', '令和8年11月20日', '令和7年11月1日〜令和8年10月31日', '令和8年10月1日', '令和8年(家)第321号',
      '150,000円', '在宅3か月×28,000円+施設2か月×18,000円=120,000円', '報酬付与額150,000円→上限120,000円', '助成額', '120,000円', '昭和15年5月1日', '後見一郎様', '令和8年10月15日付けで申請のあった']) {
      expect([s, text.includes(squash(s))]).toEqual([s, true]);
    }
    expect(await t.db('audit_log').where({ action: 'subsidy.print', record_id: String(id) })).toHaveLength(1);
  });

  test('却下通知書 gives the reason instead of an amount; a manager may print it; no notice before the decision', async () => {
    const id = await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db), status: '決定', decision: '却下', granted: 90000, values: { decision_reason: '収入が基準を超えるため' } });
    const res = await manager.agent.get(`/subsidies/${id}/pdf`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const text = squash(pdfPages(res.body as Buffer).join('\n'));
    expect(text).toContain('報酬助成却下通知書');
    expect(text).toContain('収入が基準を超えるため');
    expect(text).toContain('助成しないことに決定');
    expect(text).not.toContain('90,000円');
    const open = await insertSubsidy(t.db, { person_id: await subsidyPerson(t.db), status: '審査' });
    expect((await staff.agent.get(`/subsidies/${open}/pdf`)).status).toBe(404);
    expect(await t.db('audit_log').where({ action: 'subsidy.print', record_id: String(open) })).toHaveLength(0);
  });
});

describe('the list', () => {
  let ids: Record<string, number>;
  beforeAll(async () => {
    await t.db('subsidies').del();
    const person = await subsidyPerson(t.db);
    const west = await subsidyPerson(t.db, '西区');
    ids = {
      open: await insertSubsidy(t.db, { person_id: person }),
      review: await insertSubsidy(t.db, { person_id: person, status: '審査', funding: '障がい' }),
      approved2025: await insertSubsidy(t.db, { person_id: person, status: '決定', decided_on: '2026-03-31' }),
      approved2026: await insertSubsidy(t.db, { person_id: west, ward: '西区', status: '決定', decided_on: '2026-04-01', funding: '障がい' }),
      rejected: await insertSubsidy(t.db, { person_id: person, status: '決定', decision: '却下', decided_on: '2026-05-01' }),
      paid: await insertSubsidy(t.db, { person_id: west, ward: '西区', status: '支払', decided_on: '2026-06-01' }),
      deleted: await insertSubsidy(t.db, { person_id: person, deleted: true }),
    };
  });

  test.each([
    ['', ['paid', 'rejected', 'approved2026', 'approved2025', 'review', 'open']],
    ['fy=2026', ['paid', 'rejected', 'approved2026']],
    ['fy=2025', ['approved2025']],
    ['status=承認', ['approved2026', 'approved2025']],
    ['status=却下', ['rejected']],
    ['status=支払', ['paid']],
    ['status=審査', ['review']],
    ['funding=障がい', ['approved2026', 'review']],
    ['ward=WEST', ['paid', 'approved2026']],
    ['fy=2026&funding=高齢&status=支払', ['paid']],
  ])('?%s lists exactly the matching live applications, newest first', async (query, names) => {
    const west = (await t.db('wards').where({ name: '西区' }).first('id')).id;
    const res = await manager.agent.get(`/subsidies?${encodeURI(query.replace('WEST', String(west)))}`);
    expect(res.status).toBe(200);
    expect(listedIds(res.text)).toEqual(names.map((n) => ids[n]));
  });

  test('50 a page, keyset on id, the filters kept in the next link; the list is audited', async () => {
    const person = await subsidyPerson(t.db);
    for (let i = 0; i < 55; i++) await insertSubsidy(t.db, { person_id: person, funding: '障がい', status: '審査' });
    const first = await staff.agent.get('/subsidies?status=審査');
    const shown = listedIds(first.text);
    expect(shown).toHaveLength(50);
    const next = /<a href="([^"]+)" rel="next">/.exec(first.text)![1].replace(/&amp;/g, '&');
    expect(next).toBe(`/subsidies?status=${encodeURIComponent('審査')}&after=${shown[49]}`);
    const second = listedIds((await staff.agent.get(next)).text);
    expect(second).toHaveLength(6);
    expect(Math.max(...second)).toBeLessThan(Math.min(...shown));
    expect((await t.db('audit_log').where({ action: 'subsidy.list' })).length).toBeGreaterThan(0);
  });
});
