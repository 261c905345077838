import { Knex } from 'knex';
import { countByCategory } from '../src/features/reports/consultation-counts';
import { BenchClient } from './http-client';
import { Latency, pacedLatency, rateFor, throughput } from './measure';
import { Row, TpRow } from './report';

export type Progress = (line: string) => void;

/** A GET through a logged-in client that must answer 200; resolves to the body size. */
export const appGet = (client: BenchClient, path: string) => async () => {
  const r = await client.get(path);
  if (r.status !== 200) throw new Error(`${path} → ${r.status}`);
  return r.body.length;
};

/** A GET of a bare baseline route that must answer 200. */
export const bareGet = (url: string) => async () => {
  const r = await fetch(url);
  await r.arrayBuffer();
  if (r.status !== 200) throw new Error(`${url} → ${r.status}`);
};

const ratio = (a: Latency, b: Latency) => a.median / b.median;

export interface PageSetup {
  db: Knex;
  client: BenchClient;
  ward: BenchClient;
  app: string;
  bare: string;
  fy: number;
  listPath: string;
  personId: number;
  progress: Progress;
}

interface Pace { maxRate: number; seconds: number; minSamples: number }
/** Light pages: up to 20 a second for 5 seconds (40 at least). The monthly tally: up to 2.5 a second for 8 seconds (12 at least). */
const LIGHT: Pace = { maxRate: 20, seconds: 5, minSamples: 40 };
const HEAVY: Pace = { maxRate: 2.5, seconds: 8, minSamples: 12 };

/**
 * Each page against its baseline (raw SQL or the bare route), paced: a group shares one rate,
 * set from its slowest member so the server stays about 40% busy; medians compared.
 */
export async function measurePages(p: PageSetup): Promise<Row[]> {
  const { client, progress } = p;
  const paced = (fn: () => Promise<unknown>, rate: number, pace: Pace) => pacedLatency(fn, rate, pace.seconds, 0, pace.minSamples);
  const pair = async (name: string, baseName: string, app: () => Promise<unknown>, base: () => Promise<unknown>) => {
    const rate = await rateFor([base, app], LIGHT.maxRate);
    progress(`${baseName}`); const b = await paced(base, rate, LIGHT);
    progress(`${name}`); const a = await paced(app, rate, LIGHT);
    return [{ name: baseName, l: b }, { name, l: a, ratio: ratio(a, b) }] as Row[];
  };
  const native = (countByCategory(p.db, p.fy, [], 'month') as unknown as { toSQL(): { sql: string; bindings: readonly unknown[] } }).toSQL();
  const raw = () => p.db.raw(native.sql, native.bindings as never[]);
  const report = (ext: string) => appGet(client, `/reports/consultations-monthly${ext}?fy=${p.fy}`);
  progress('月別集計: 速さの見積もり'); const heavyRate = await rateFor([raw, report(''), report('.csv'), report('.pdf')], HEAVY.maxRate);
  progress('月別集計: 生SQL'); const rawSql = await paced(raw, heavyRate, HEAVY);
  const monthly = async (ext: string) => { progress(`月別集計: ${ext || 'HTML'}`); return paced(report(ext), heavyRate, HEAVY); };
  const [html, csv, pdf] = [await monthly(''), await monthly('.csv'), await monthly('.pdf')];
  const pdfBytes = (await client.get(`/reports/consultations-monthly.pdf?fy=${p.fy}`)).body.length;
  const within = (l: Latency, limit: number) => ratio(l, rawSql) <= 1.25 && l.median < limit;
  const deep = await p.db('persons').whereNull('merged_into_id').orderBy([{ column: 'kana_key', order: 'desc' }, { column: 'id', order: 'desc' }]).offset(50).first('kana_key', 'id');
  const personsFirst = await pair('本人一覧 画面（1ページ目・50件）', '本人一覧 素のExpress+pg（基準）', appGet(client, '/persons'), bareGet(`${p.bare}/persons`));
  progress('本人一覧 最後のページ'); const personsDeep = await paced(appGet(client, `/persons?after=${encodeURIComponent(deep.kana_key)}&after_id=${deep.id}`), personsFirst[1].l.rate ?? LIGHT.maxRate, LIGHT);
  return [
    { name: '月別集計 生SQL（基準）', l: rawSql },
    { name: '月別集計 HTML', l: html, ratio: ratio(html, rawSql), target: '≤ 1.25× 生SQL かつ < 200 ms', ok: within(html, 200) },
    { name: '月別集計 CSV', l: csv, ratio: ratio(csv, rawSql), target: '≤ 1.25× 生SQL かつ < 200 ms', ok: within(csv, 200) },
    { name: '月別集計 PDF', l: pdf, ratio: ratio(pdf, rawSql), target: `< 300 ms かつ < 150 KB（${(pdfBytes / 1024).toFixed(1)} KB）`, ok: pdf.median < 300 && pdfBytes < 150 * 1024 },
    ...(await pair('相談一覧 画面（ログイン済み・年度と区で絞り込み・50件）', '相談一覧 素のExpress+pg（基準）', appGet(client, p.listPath), bareGet(`${p.bare}/list`))),
    ...personsFirst,
    { name: '本人一覧 最後のページ（キーセット、1ページ目比）', l: personsDeep, ratio: ratio(personsDeep, personsFirst[1].l), target: '≈ 1× 1ページ目', ok: ratio(personsDeep, personsFirst[1].l) < 1.5 },
    ...(await pair('本人ページ 画面（経過と操作ログの記録を含む）', '本人ページ 素のExpress+pg（基準）', appGet(client, `/persons/${p.personId}`), bareGet(`${p.bare}/persons/${p.personId}`))),
    ...(await pair('市長申立て一覧 画面（区役所職員・自区のみ）', '市長申立て一覧 素のExpress+pg（基準）', appGet(p.ward, '/petitions'), bareGet(`${p.bare}/petitions`))),
  ];
}

/** autocannon, 8 connections: each page against its bare route. */
export async function measureThroughput(p: PageSetup): Promise<TpRow[]> {
  const cookie = { cookie: p.client.cookie };
  const pairs: [string, string, string, Record<string, string>, number][] = [
    ['相談一覧', p.listPath, '/list', cookie, 8],
    ['本人一覧', '/persons', '/persons', cookie, 4],
    ['本人ページ', `/persons/${p.personId}`, `/persons/${p.personId}`, cookie, 4],
    ['市長申立て一覧（区役所職員）', '/petitions', '/petitions', { cookie: p.ward.cookie }, 4],
  ];
  const rows: TpRow[] = [];
  for (const [name, appPath, barePath, headers, secs] of pairs) {
    p.progress(`スループット: ${name}`);
    const bare = await throughput(p.bare + barePath, {}, secs);
    const app = await throughput(p.app + appPath, headers, secs);
    rows.push({ name, seconds: secs, app: app.requestsPerSecond, bare: bare.requestsPerSecond, errors: app.errors + bare.errors, target: name === '相談一覧' ? 0.5 : undefined });
  }
  return rows;
}
