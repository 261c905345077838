import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Knex } from 'knex';
import { useTestDatabase } from '../../helpers/suite';
import { cliContext } from '../../helpers/cli';
import { exportCommands } from '../../../src/cli/export-command';
import { findReport } from '../../../src/features';
import { ALL_WARDS, FyParams } from '../../../src/contracts/report';
import { renderReport } from '../../../src/features/reports/report-export';
import { meetingsMonthly, meetingsRecommendations } from '../../../src/features/meetings/reports/meetings-reports';
import { followRate } from '../../../src/features/meetings/reports/meetings-follow-rate';
import type { Table } from '../../../src/lib/table/table';
import { EMPTY_MONTHS_2024, generate, GenMeeting, insertAll, liveIn, monthOf } from './meeting-data';

const tdb = useTestDatabase();
let db: Knex;
let kinds: { id: number; label: string }[];
let data: GenMeeting[];
const MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];

beforeAll(async () => {
  db = tdb.db;
  kinds = await db('code_entries').where({ list: 'guardian_kind' }).orderBy('sort_order').select('id', 'label');
  // 親族 is retired: it stays a row and a column only because cases name it; 法人後見 is retired and unused: it goes.
  const retiredUsed = kinds.find((k) => k.label === '親族')!;
  const retiredUnused = kinds.find((k) => k.label === '法人後見')!;
  data = generate(kinds.filter((k) => k !== retiredUnused).map((k) => k.id), 90, 20240401);
  await insertAll(db, data);
  await db('code_entries').whereIn('id', [retiredUsed.id, retiredUnused.id]).update({ retired_at: new Date() });
});

const params = (fy: number): FyParams => ({ fy, filters: {} });
const build = (def: typeof meetingsMonthly, fy: number) => def.build(db, params(fy), ALL_WARDS);

function expectedMonthly(fy: number): (number | string)[][] {
  const live = liveIn(data, fy);
  const rows = MONTHS.map((m) => {
    const held = live.filter((x) => monthOf(x.held_on) === m);
    return held.length ? [held.length, held.reduce((n, x) => n + x.cases.length, 0)] : [0, '未実施'];
  });
  const sum = (j: number) => rows.reduce((n, r) => n + (typeof r[j] === 'number' ? (r[j] as number) : 0), 0);
  return [...rows, [sum(0), sum(1)]];
}

test('both reports are registered, read with meetings:read, by fiscal year', () => {
  for (const def of [meetingsMonthly, meetingsRecommendations]) {
    expect(findReport(def.id)).toBe(def);
    expect(def.access).toBe('meetings:read');
    expect(def.period).toBe('fy');
  }
});

test('meetings-monthly: 4月 … 3月 then 計; every cell against an independent count; 未実施 where no meeting was held', async () => {
  for (const fy of [2023, 2024, 2025]) {
    const t = await build(meetingsMonthly, fy);
    expect(t.rows.map((r) => r.label)).toEqual([...MONTHS.map((m) => `${m}月`), '計']);
    expect(t.columns.map((c) => c.label)).toEqual(['開催回数', '検討件数']);
    expect([fy, t.rows.map((r) => r.cells)]).toEqual([fy, expectedMonthly(fy)]);
  }
  const t = await build(meetingsMonthly, 2024);
  for (const m of EMPTY_MONTHS_2024) expect(t.rows.find((r) => r.label === `${m}月`)!.cells).toEqual([0, '未実施']);
  // a month whose only meetings were deleted counts as not held too
  const heldMonths = new Set(liveIn(data, 2024).map((m) => monthOf(m.held_on)));
  expect(t.rows.filter((r) => r.cells[1] === '未実施').map((r) => r.label)).toEqual(MONTHS.filter((m) => !heldMonths.has(m)).map((m) => `${m}月`));
  expect(heldMonths.size).toBeLessThan(12 - EMPTY_MONTHS_2024.length);
  expect(t.rows.at(-1)).toMatchObject({ label: '計', total: true });
  expect(t.title).toBe('令和6年度 受任調整会議の開催状況（月別）');
});

test('a year with no meeting at all: every month 未実施, 計 0 and 0', async () => {
  const t = await build(meetingsMonthly, 2030);
  expect(t.rows.slice(0, 12).every((r) => r.cells[0] === 0 && r.cells[1] === '未実施')).toBe(true);
  expect(t.rows[12].cells).toEqual([0, 0]);
});

function cellsOf(t: Table, label: string) {
  return t.rows.find((r) => r.label === label)!.cells;
}

test('meetings-recommendations: recommended × appointed, 未定・未審判 and 合計, the totals, and the follow rate note row', async () => {
  for (const fy of [2023, 2024, 2025]) {
    const t = await build(meetingsRecommendations, fy);
    const cases = liveIn(data, fy).flatMap((m) => m.cases);
    const used = (id: number, side: 'recommended' | 'appointed') => cases.some((c) => c[side] === id);
    const rows = kinds.filter((k) => !['親族', '法人後見'].includes(k.label) || (k.label === '親族' && used(k.id, 'recommended')));
    const cols = kinds.filter((k) => !['親族', '法人後見'].includes(k.label) || (k.label === '親族' && used(k.id, 'appointed')));
    expect(t.columns.map((c) => c.label)).toEqual([...cols.map((c) => c.label), '未定・未審判', '合計']);
    expect(t.rows.map((r) => r.label)).toEqual([...rows.map((r) => r.label), '計', '追随率']);
    const expected = rows.map((r) => {
      const mine = cases.filter((c) => c.recommended === r.id);
      const cells = [...cols.map((c) => mine.filter((x) => x.appointed === c.id).length), mine.filter((x) => x.appointed === null).length];
      return [...cells, mine.length];
    });
    const totals = expected[0].map((_, j) => expected.reduce((n, r) => n + r[j], 0));
    expect([fy, t.rows.slice(0, -1).map((r) => r.cells)]).toEqual([fy, [...expected, totals]]);
    expect(totals.at(-1)).toBe(cases.length);
    const decided = cases.filter((c) => c.appointed !== null);
    const followed = decided.filter((c) => c.appointed === c.recommended).length;
    expect(decided.length).toBeGreaterThan(0);
    expect(followed).toBeGreaterThan(0);
    expect(followed).toBeLessThan(decided.length);
    const rate = `${((followed / decided.length) * 100).toFixed(1)}%（${decided.length}件中${followed}件）`;
    expect(cellsOf(t, '追随率')[0]).toBe(rate);
    expect(await followRate(db, fy)).toEqual({ decided: decided.length, followed });
  }
  expect(cellsOf(await build(meetingsRecommendations, 2030), '追随率')[0]).toBe('—（選任の記録なし）');
});

test('the reports render as CSV, xlsx and PDF, and export from the command line (audited as cli)', async () => {
  const t = await build(meetingsMonthly, 2024);
  const csv = (await renderReport(t, 'csv', new Date('2026-11-27T00:00:00Z'))).toString('utf8');
  expect(csv).toContain('月,開催回数,検討件数\r\n');
  expect(csv).toContain(`5月,0,未実施\r\n`);
  const rec = (await renderReport(await build(meetingsRecommendations, 2024), 'csv', new Date())).toString('utf8');
  expect(rec).toMatch(/\r\n追随率,\d+\.\d%（\d+件中\d+件）,/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-meetings-'));
  try {
    const out: string[] = [];
    for (const [id, format] of [['meetings-monthly', 'xlsx'], ['meetings-recommendations', 'pdf']]) {
      const file = path.join(dir, `${id}.${format}`);
      expect(await exportCommands.export.run([id, '--fy', '2024', '--format', format, '--out', file], cliContext(db, (s) => out.push(s)))).toBe(0);
      expect(fs.statSync(file).size).toBeGreaterThan(1000);
      expect(await db('audit_log').where({ action: 'report.export', record_id: `${id}:2024:${format}`, actor_username: 'cli' })).toHaveLength(1);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
