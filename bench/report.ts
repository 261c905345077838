import fs from 'node:fs';
import { Latency } from './measure';

export interface Row { name: string; l: Latency; ratio?: number; target?: string; ok?: boolean }

export interface Report {
  engine: string; node: string; cpus: number; persons: number; consultations: number; fy: number;
  rows: Row[];
  throughput: { app: number; bare: number; errors: number };
}

const ms = (n: number) => n.toFixed(1);

/** docs/benchmarks.md: medians, p95 and ratios against the baselines measured in the same run. */
export function writeReport(file: string, r: Report): void {
  const tpRatio = r.throughput.app / r.throughput.bare;
  const lines = [
    `## ${r.engine === 'pg' ? 'PostgreSQL' : 'PGlite（組み込み）'}`,
    '',
    `\`npm run bench\` の最新の結果（${new Date().toISOString()}）。エンジン: **${r.engine}**、Node ${r.node}、${r.cpus} コア。`,
    `データ量: 本人 ${r.persons.toLocaleString('ja-JP')} 件、相談記録 ${r.consultations.toLocaleString('ja-JP')} 件（\`npm run seed:volume\`）。対象年度: ${r.fy}年度。`,
    '',
    '比率は同じ実行の中で測った基準（生SQL、素の Express + pg ルート）に対する値です。',
    '',
    '| 測定 | 中央値 (ms) | p95 (ms) | 基準比 | 目標 | 判定 |',
    '|---|---:|---:|---:|---|---|',
    ...r.rows.map((x) => `| ${x.name} | ${ms(x.l.median)} | ${ms(x.l.p95)} | ${x.ratio === undefined ? '—' : `${x.ratio.toFixed(2)}×`} | ${x.target ?? ''} | ${x.ok === undefined ? '' : x.ok ? '達成' : '未達'} |`),
    '',
    '### スループット（autocannon、8接続・8秒）',
    '',
    '| 測定 | req/s |',
    '|---|---:|',
    `| 素の Express + pg（基準） | ${r.throughput.bare.toFixed(0)} |`,
    `| 相談一覧 画面 | ${r.throughput.app.toFixed(0)} |`,
    `| 比率（目標 ≥ 0.5×） | ${tpRatio.toFixed(2)}× ${tpRatio >= 0.5 ? '達成' : '未達'} |`,
    `| エラー・2xx以外 | ${r.throughput.errors} |`,
    '',
  ];
  fs.writeFileSync(file, replaceSection(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', r.engine, lines.join('\n')));
}

const HEADER = [
  '# ベンチマーク / Benchmarks',
  '',
  '`npm run seed:volume` で作ったデータに対して `npm run bench` が書き込みます。エンジンごとに最新の1回分を残します',
  '（`DATABASE_URL` を指定すると PostgreSQL、なければ `DATA_DIR` の PGlite）。',
  '',
].join('\n');

/** Keeps the other engine's section: each run replaces only its own. */
function replaceSection(existing: string, engine: string, body: string): string {
  const start = `<!-- engine:${engine} -->`;
  const end = `<!-- /engine:${engine} -->`;
  const block = `${start}\n${body}\n${end}`;
  const base = existing.startsWith('# ') ? existing : HEADER;
  const i = base.indexOf(start);
  const j = base.indexOf(end);
  if (i >= 0 && j > i) return base.slice(0, i) + block + base.slice(j + end.length);
  return `${base.trimEnd()}\n\n${block}\n`;
}
