import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useTestApp } from '../../helpers/suite';
import { exportCommands } from '../../../src/cli/export-command';
import { fixedClock } from '../../../src/clock';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { subsidiesYearly } from '../../../src/features/subsidies/subsidies-reports';
import { findReport } from '../../../src/features';
import { ALL_WARDS } from '../../../src/contracts/report';
import { fiscalYearOf } from '../../../src/lib/dates';
import { insertSubsidy, subsidyPerson } from './subsidy-factory';

const t = useTestApp(); // 2026-11-27
const staff = t.user('staff');
const manager = t.user('manager');
const ward = t.user('ward', { ward: '東区' });
const admin = t.user('admin');

const LINES = ['高齢', '障がい'] as const;
interface Gen { decided_on: string; granted: number; funding: (typeof LINES)[number]; kind: 'approved' | 'paid' | 'rejected' | 'open' | 'deleted' }
const generated: Gen[] = [];
const binary = (res: import('superagent').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * FY2030 (令和12年度), known: 高齢 1,200 + 300 = 1,500円 → 2千円 (half up); 障がい 2,499円 → 2千円; the whole
 * year 3,999円 → 4千円 (from the yen sum, not 2 + 2). Rejected ones carry an amount and must not count.
 * FY2019–2023: random applications of every kind, dates on the fiscal-year boundaries too.
 */
beforeAll(async () => {
  const person = await subsidyPerson(t.db);
  const add = async (g: Gen) => {
    generated.push(g);
    const decided = g.kind !== 'open';
    await insertSubsidy(t.db, {
      person_id: person, funding: g.funding, granted: g.granted, fee: Math.max(g.granted, 1000), home: 12,
      status: g.kind === 'paid' ? '支払' : decided ? '決定' : '審査', decision: g.kind === 'rejected' ? '却下' : '承認',
      decided_on: decided ? g.decided_on : null, paid_on: g.kind === 'paid' ? g.decided_on : null, deleted: g.kind === 'deleted',
    });
  };
  for (const g of [
    { decided_on: '2030-04-01', granted: 1200, funding: '高齢', kind: 'approved' }, { decided_on: '2031-03-31', granted: 300, funding: '高齢', kind: 'paid' },
    { decided_on: '2030-06-01', granted: 2499, funding: '障がい', kind: 'approved' }, { decided_on: '2030-06-01', granted: 90000, funding: '障がい', kind: 'rejected' },
    { decided_on: '2030-07-01', granted: 70000, funding: '高齢', kind: 'deleted' }, { decided_on: '2031-04-01', granted: 5000, funding: '高齢', kind: 'approved' },
  ] as Gen[]) await add(g);
  let seed = 20261127;
  const rnd = (n: number) => { seed = (seed * 48271) % 2147483647; return seed % n; };
  const kinds: Gen['kind'][] = ['approved', 'approved', 'approved', 'paid', 'rejected', 'open', 'deleted'];
  const days = ['04-01', '03-31', '07-15', '12-31', '01-01', '10-10'];
  for (let i = 0; i < 120; i++) {
    const year = 2018 + rnd(7);
    await add({ decided_on: `${year}-${days[rnd(days.length)]}`, granted: rnd(400000), funding: LINES[rnd(2)], kind: kinds[rnd(kinds.length)] });
  }
});

/** The independent count: approved (paid or not), live, decided in `fy`. */
function expected(fy: number, line: string | null) {
  const rows = generated.filter((g) => (g.kind === 'approved' || g.kind === 'paid') && fiscalYearOf(g.decided_on) === fy && (line === null || g.funding === line));
  const yen = rows.reduce((s, g) => s + g.granted, 0);
  // x.5 thousand is exact in floating point, and Math.round takes it up
  return { n: rows.length, thousands: Math.round(yen / 1000) };
}

const LABELS = ['件数', '助成額（千円）', '高齢 件数', '高齢 助成額（千円）', '障がい 件数', '障がい 助成額（千円）'];

test('registered as subsidies-yearly over a span of years, read with subsidies:read', () => {
  expect(findReport('subsidies-yearly')).toBe(subsidiesYearly);
  expect([subsidiesYearly.access, subsidiesYearly.period]).toEqual(['subsidies:read', 'years']);
});

test('columns one per fiscal year of the decision (令和元年度 …); rows 件数, 助成額（千円）, then each funding line; every cell counted', async () => {
  const table = await subsidiesYearly.build(t.db, { from: 2018, to: 2024, filters: {} }, ALL_WARDS);
  expect(table.headerRows[0].map((c) => c.label)).toEqual(['平成30年度', '令和元年度', '令和2年度', '令和3年度', '令和4年度', '令和5年度', '令和6年度']);
  expect(table.rows.map((r) => r.label)).toEqual(LABELS);
  const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024];
  const want = [null, '高齢', '障がい'].flatMap((line) => [years.map((fy) => expected(fy, line).n), years.map((fy) => expected(fy, line).thousands)]);
  expect(table.rows.map((r) => r.cells)).toEqual(want);
  expect(want[0].reduce((a, b) => a + b, 0)).toBeGreaterThan(20);
  // the line counts add up to the whole
  expect(years.map((_, j) => table.rows[2].cells[j] as number + (table.rows[4].cells[j] as number))).toEqual(table.rows[0].cells);
});

test('the 千円 row is rounded half up from the yen sum; 却下 and deleted applications are excluded', async () => {
  const table = await subsidiesYearly.build(t.db, { from: 2030, to: 2031, filters: {} }, ALL_WARDS);
  expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
    ['件数', 3, 1], ['助成額（千円）', 4, 5], ['高齢 件数', 2, 1], ['高齢 助成額（千円）', 2, 5], ['障がい 件数', 1, 0], ['障がい 助成額（千円）', 2, 0],
  ]);
});

test('four formats, same table: CSV, xlsx and PDF downloads for staff and managers, audited', async () => {
  const csv = await manager.agent.get('/reports/subsidies-yearly.csv?from=2030&to=2031').buffer(true).parse(binary);
  expect(csv.status).toBe(200);
  expect((csv.body as Buffer).toString('utf8').split('\r\n')).toEqual([
    '\uFEFF区分,令和12年度,令和13年度', '件数,3,1', '助成額（千円）,4,5', '高齢 件数,2,1', '高齢 助成額（千円）,2,5', '障がい 件数,1,0', '障がい 助成額（千円）,2,0', '',
  ]);
  expect(csv.headers['content-disposition']).toContain(encodeURIComponent('報酬助成の実績_令和12年度〜令和13年度.csv'));
  for (const [ext, type] of [['xlsx', 'spreadsheetml'], ['pdf', 'application/pdf']]) {
    const res = await staff.agent.get(`/reports/subsidies-yearly.${ext}?from=2019&to=2023`).buffer(true).parse(binary);
    expect([ext, res.status, String(res.headers['content-type']).includes(type)]).toEqual([ext, 200, true]);
  }
  const html = await staff.agent.get('/reports/subsidies-yearly?from=2019&to=2023');
  expect(html.text).toContain('<th scope="row">障がい 助成額（千円）</th>');
  expect(await t.db('audit_log').where({ action: 'report.export', record_id: 'subsidies-yearly:2030-2031:csv', actor_id: manager.id })).toHaveLength(1);
});

test('ward users are refused every format (403, audited); admins too; the index does not offer it to them', async () => {
  for (const url of ['/reports/subsidies-yearly', '/reports/subsidies-yearly.csv', '/reports/subsidies-yearly.xlsx', '/reports/subsidies-yearly.pdf', '/reports/subsidies-yearly/print']) {
    expect([url, (await ward.agent.get(`${url}?from=2019&to=2023`)).status]).toEqual([url, 403]);
    expect([url, (await admin.agent.get(`${url}?from=2019&to=2023`)).status]).toEqual([url, 403]);
  }
  expect(await t.db('audit_log').where({ action: 'access.denied', actor_id: ward.id })).toHaveLength(5);
  expect((await ward.agent.get('/reports')).text).not.toContain('/reports/subsidies-yearly');
  expect((await staff.agent.get('/reports')).text).toContain('/reports/subsidies-yearly?');
});

test('npm run cli -- export subsidies-yearly --from --to: the same table, audited as cli', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-subsidies-export-'));
  const out: string[] = [];
  const ctx = { db: t.db, clock: fixedClock(new Date('2026-11-27T00:00:00Z')), config: loadConfig({ NODE_ENV: 'test' }), log: createLogger('silent'), out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
  const file = path.join(dir, 'yearly.csv');
  expect(await exportCommands.export.run(['subsidies-yearly', '--from', '2030', '--to', '2031', '--out', file], ctx)).toBe(0);
  expect(fs.readFileSync(file, 'utf8').split('\r\n').slice(1, 3)).toEqual(['件数,3,1', '助成額（千円）,4,5']);
  expect(await t.db('audit_log').where({ action: 'report.export', record_id: 'subsidies-yearly:2030-2031:csv', actor_username: 'cli' })).toHaveLength(1);
  fs.rmSync(dir, { recursive: true, force: true });
});
