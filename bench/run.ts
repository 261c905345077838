import 'dotenv/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/knex';
import { migrate } from '../src/db/migrate';
import { systemClock } from '../src/clock';
import { createLogger } from '../src/logger';
import { createApp } from '../src/app';
import { hashPassword, generatePassword } from '../src/auth/passwords';
import { fiscalYearOf, todayIso } from '../src/lib/dates';
import { countByCategory } from '../src/features/reports/consultation-counts';
import { ListFilters } from '../src/features/consultations/consultations-list';
import { BenchClient } from './http-client';
import { latency, throughput, Latency } from './measure';
import { bareListApp, listen } from './servers';
import { writeReport, Row } from './report';

async function benchUser(db: import('knex').Knex): Promise<{ username: string; password: string }> {
  const username = 'bench-staff';
  const password = generatePassword(20);
  const hash = await hashPassword(password);
  const existing = await db('users').where({ username }).first('id');
  if (existing) await db('users').where({ id: existing.id }).update({ password_hash: hash, must_change_password: false, disabled_at: null });
  else await db('users').insert({ username, display_name: 'ベンチマーク', role: 'staff', password_hash: hash });
  await db('account_locks').where({ username }).del();
  return { username, password };
}

/** `npm run bench`: the app against same-run baselines on the configured database; writes docs/benchmarks.md. */
async function main(): Promise<void> {
  const config = { ...loadConfig(), logLevel: 'silent' };
  const database = await openDatabase(config);
  const db = database.db;
  await migrate(db);
  const consultations = Number((await db('consultations').count({ n: '*' }))[0].n);
  const persons = Number((await db('persons').count({ n: '*' }))[0].n);
  if (consultations < 10_000) process.stdout.write('注意: データが少量です。先に npm run seed:volume を実行してください。\n');
  const today = todayIso(new Date());
  const fy = fiscalYearOf(today) - 1;
  const user = await benchUser(db);
  const { app } = createApp({ db, config, clock: systemClock, log: createLogger('silent') });
  const appServer = await listen(app);
  const ward = Number((await db('wards').orderBy('sort_order').first('id')).id);
  const filters: ListFilters = { fy, month: null, category: null, ward, method: null, consultee: null, staff: null, due: false, q: '' };
  const bare = await listen(bareListApp(db, filters, today));
  const client = new BenchClient(appServer.url);
  await client.login(user.username, user.password);
  const progress = (s: string) => process.stdout.write(`${s}\n`);
  const get = (p: string) => async () => {
    const r = await client.get(p);
    if (r.status !== 200) throw new Error(`${p} → ${r.status}`);
    return r;
  };
  try {
    const sql = countByCategory(db, fy, [], 'month') as unknown as { toSQL(): { sql: string; bindings: readonly unknown[] } };
    const native = sql.toSQL();
    progress('月別集計: 生SQL'); const rawSql = await latency(() => db.raw(native.sql, native.bindings as never[]));
    progress('月別集計: HTML'); const html = await latency(get(`/reports/consultations-monthly?fy=${fy}`));
    progress('月別集計: CSV'); const csv = await latency(get(`/reports/consultations-monthly.csv?fy=${fy}`));
    progress('月別集計: PDF'); const pdf = await latency(get(`/reports/consultations-monthly.pdf?fy=${fy}`), 20, 3);
    const pdfBytes = (await client.get(`/reports/consultations-monthly.pdf?fy=${fy}`)).body.length;
    const listPath = `/consultations?fy=${fy}&ward=${ward}`;
    progress('相談一覧: 画面'); const list = await latency(get(listPath));
    progress('相談一覧: 素のExpress'); const bareList = await latency(async () => { const r = await fetch(`${bare.url}/list`); await r.arrayBuffer(); });
    progress('相談一覧: スループット'); const listTp = await throughput(appServer.url + listPath, { cookie: client.cookie });
    progress('素のExpress: スループット'); const bareTp = await throughput(`${bare.url}/list`, {});
    const deep = await db('persons').whereNull('merged_into_id').orderBy([{ column: 'kana_key', order: 'desc' }, { column: 'id', order: 'desc' }]).offset(50).first('kana_key', 'id');
    progress('本人一覧: 1ページ目'); const personsFirst = await latency(get('/persons'));
    progress('本人一覧: 最後のページ'); const personsDeep = await latency(get(`/persons?after=${encodeURIComponent(deep.kana_key)}&after_id=${deep.id}`));
    const ratio = (a: Latency, b: Latency) => a.median / b.median;
    const rows: Row[] = [
      { name: '月別集計 生SQL（基準）', l: rawSql },
      { name: '月別集計 HTML', l: html, ratio: ratio(html, rawSql), target: '≤ 1.25× 生SQL かつ < 200 ms', ok: ratio(html, rawSql) <= 1.25 && html.median < 200 },
      { name: '月別集計 CSV', l: csv, ratio: ratio(csv, rawSql), target: '≤ 1.25× 生SQL かつ < 200 ms', ok: ratio(csv, rawSql) <= 1.25 && csv.median < 200 },
      { name: '月別集計 PDF', l: pdf, ratio: ratio(pdf, rawSql), target: `< 300 ms かつ < 150 KB（${(pdfBytes / 1024).toFixed(1)} KB）`, ok: pdf.median < 300 && pdfBytes < 150 * 1024 },
      { name: '相談一覧 素のExpress+pg（基準）', l: bareList },
      { name: '相談一覧 画面（ログイン済み・絞り込み・50件）', l: list, ratio: ratio(list, bareList) },
      { name: '本人一覧 1ページ目（基準）', l: personsFirst },
      { name: '本人一覧 最後のページ（キーセット）', l: personsDeep, ratio: ratio(personsDeep, personsFirst), target: '≈ 1× 1ページ目', ok: ratio(personsDeep, personsFirst) < 1.5 },
    ];
    writeReport(path.resolve(__dirname, '../docs/benchmarks.md'), {
      engine: database.engine, node: process.version, cpus: os.cpus().length, persons, consultations, fy, rows,
      throughput: { app: listTp.requestsPerSecond, bare: bareTp.requestsPerSecond, errors: listTp.errors + listTp.non2xx + bareTp.errors + bareTp.non2xx },
    });
    progress(fs.readFileSync(path.resolve(__dirname, '../docs/benchmarks.md'), 'utf8'));
  } finally {
    await appServer.close();
    await bare.close();
    await database.close();
  }
}

main().catch((e) => {
  process.stderr.write(`ベンチマーク失敗: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
