import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useTestApp } from '../../helpers/suite';
import { cliContext } from '../../helpers/cli';
import { exportCommands } from '../../../src/cli/export-command';
import { citizenGuardianCases, TRAINING_ROWS, trainingYearly } from '../../../src/features/guardians/training-report';
import { findReport } from '../../../src/features';
import { ALL_WARDS } from '../../../src/contracts/report';
import { expectedColumn, generate, World } from './training-data';
import { insertAppointment, insertGuardian } from './guardian-factory';
import { insertPerson } from '../../helpers/factories';

const t = useTestApp();
const manager = t.user('manager');
let w: World;
beforeAll(async () => { w = await generate(t.db, 20261127); });

const span = (from: number, to: number) => ({ from, to, filters: {} });
const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

test('in the registry, read with guardians:read, over a span of years', () => {
  expect(findReport('training-yearly')).toBe(trainingYearly);
  expect([trainingYearly.access, trainingYearly.period]).toEqual(['guardians:read', 'years']);
});

test.each([[2019, 2023], [2016, 2026]])('%i–%i: every cell against an independent count of the generated records', async (from, to) => {
  const table = await trainingYearly.build(t.db, span(from, to), ALL_WARDS);
  expect(table.rows.map((r) => r.label)).toEqual([...TRAINING_ROWS]);
  const expected = TRAINING_ROWS.map((_, i) => years(from, to).map((fy) => expectedColumn(w, fy)[i]));
  expect(table.rows.map((r) => r.cells)).toEqual(expected);
  // the data is not trivial: every row counts something in the span
  for (const row of expected) expect(row.some((n) => n > 0)).toBe(true);
});

test('columns per fiscal year headed like petitions-yearly (令和元年度 …), on the page, in CSV and from the CLI', async () => {
  const table = await trainingYearly.build(t.db, span(2019, 2021), ALL_WARDS);
  expect(table.headerRows).toEqual([[{ label: '令和元年度' }, { label: '令和2年度' }, { label: '令和3年度' }]]);
  expect(table.title).toBe('令和元年度〜令和3年度 市民後見人の養成・活動状況');
  const page = await manager.agent.get('/reports/training-yearly?from=2019&to=2023');
  expect(page.status).toBe(200);
  expect(page.text).toContain('令和5年度');
  const csv = await manager.agent.get('/reports/training-yearly.csv?from=2019&to=2021');
  expect(csv.status).toBe(200);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('項目,令和元年度,令和2年度,令和3年度');
  expect(lines[1]).toBe(`養成講座修了者数,${years(2019, 2021).map((fy) => expectedColumn(w, fy)[0]).join(',')}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kk-training-'));
  const out = path.join(dir, 't.csv');
  const lines2: string[] = [];
  expect(await exportCommands.export.run(['training-yearly', '--from', '2019', '--to', '2021', '--format', 'csv', '--out', out], cliContext(t.db, (s) => lines2.push(s)))).toBe(0);
  expect(fs.readFileSync(out, 'utf8')).toBe(csv.text);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('indicator 2 at the fiscal-year boundaries', () => {
  test('appointed on 3/31 counts in that year; on 4/1 only from the next; ended 3/31 not in the next; ended 4/1 still in it', async () => {
    // the generated records leave some cases open: count what these add to it
    const before = await citizenGuardianCases(t.db, 2030, 2033);
    const g = await insertGuardian(t.db);
    const p = async () => insertPerson(t.db, { name: '境界', name_kana: 'キョウカイ' });
    await insertAppointment(t.db, g, await p(), '2031-03-31', '2031-03-31');   // FY2030 only
    await insertAppointment(t.db, g, await p(), '2031-04-01', '2032-04-01');   // FY2031 and FY2032
    await insertAppointment(t.db, g, await p(), '2030-04-01', '2032-03-31');   // FY2030, FY2031
    const shared = await p();
    await insertAppointment(t.db, g, shared, '2031-06-01', '2031-09-30');       // one person, two guardians in FY2031: one case
    await insertAppointment(t.db, await insertGuardian(t.db), shared, '2031-10-01');
    const after = await citizenGuardianCases(t.db, 2030, 2033);
    expect([2030, 2031, 2032, 2033].map((fy) => after.get(fy)! - before.get(fy)!)).toEqual([2, 3, 2, 1]);
    expect((await trainingYearly.build(t.db, span(2030, 2033), ALL_WARDS)).rows[4].cells).toEqual([2030, 2031, 2032, 2033].map((fy) => after.get(fy)));
  });
});
