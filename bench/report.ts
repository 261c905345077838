import fs from 'node:fs';
import type { LoginResult } from './login-burst';
import type { SessionsLoad } from './sessions-load';
import { latencyTable, loginSection, Row, sessionsSection, throughputTable, TpRow } from './report-sections';

export type { Row, TpRow } from './report-sections';

export interface Report {
  engine: string; node: string; cpus: number; loadavg: [number, number]; seconds: number;
  persons: number; consultations: number; petitions: number; wardPetitions: number; fy: number;
  person: { id: number; consultations: number };
  rows: Row[];
  throughput: TpRow[];
  login: LoginResult;
  sessions: SessionsLoad;
  removed: number;
}

/** One engine's section of docs/benchmarks.md: every figure beside the baseline measured in the same run. */
export function writeReport(file: string, r: Report): void {
  const lines = [
    `## ${r.engine === 'pg' ? 'PostgreSQL' : 'PGlite（組み込み）'}`,
    '',
    `\`npm run bench\` の最新の結果（${new Date().toISOString()}、${Math.round(r.seconds)}秒）。エンジン: **${r.engine}**、Node ${r.node}、${r.cpus} コア、`,
    `ロードアベレージ（1分）開始時 ${r.loadavg[0].toFixed(1)}・終了時 ${r.loadavg[1].toFixed(1)}。`,
    `データ量: 本人 ${r.persons.toLocaleString('ja-JP')} 件、相談記録 ${r.consultations.toLocaleString('ja-JP')} 件、市長申立て ${r.petitions.toLocaleString('ja-JP')} 件`,
    `（区役所職員の区に ${r.wardPetitions.toLocaleString('ja-JP')} 件）。対象年度: ${r.fy}年度。本人ページは申立てのある本人のうち相談記録の最も多い人（${r.person.consultations} 件）。`,
    '',
    ...latencyTable(r.rows),
    ...throughputTable(r.throughput),
    ...loginSection(r.login),
    ...sessionsSection(r.sessions, r.login.alone, r.removed),
  ];
  fs.writeFileSync(file, replaceSection(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', r.engine, lines.join('\n')));
}

const HEADER = `# ベンチマーク / Benchmarks

\`npm run seed:volume\` で作ったデータ（本人10万件・相談記録100万件・市長申立て2,000件）に対して \`npm run bench\` が書き込みます。
エンジンごとに最新の1回分を残します（\`DATABASE_URL\` を指定すると PostgreSQL、なければ \`DATA_DIR\` の PGlite）。1回はエンジンごとに約5分です。

## 測り方

- **基準は同じ実行の中で測ります。** 集計は生SQL、画面は「素の Express + pg」のルート（セッション・CSRF・テンプレート・セキュリティヘッダーなし）が
  画面と同じクエリ（操作ログの書き込みも含む）を実行して JSON で返すもの。比率はこの基準に対する値で、機械の混み具合に左右されにくい数字です。
- **応答時間は等間隔の開ループ**で測ります。i 件目の要求は「開始 + i ÷ 毎秒件数」に送り、その予定時刻から応答を読み終えるまでを数えます。
  前の要求が終わるのを待たないので、サーバー側の待ち行列やイベントループの停止がそのまま数字に出ます。毎秒の件数は画面と基準の組ごとに、
  遅いほうでもサーバーが4割ほどの忙しさになるよう予備測定から決めます（軽い画面は最大毎秒20件・5秒・40件以上、月別集計は最大毎秒2.5件・8秒・12件以上）。
- **スループットは autocannon**（閉ループ、8接続）。同時利用の負荷も autocannon で、接続ごとに別のセッションを持たせています。
- アプリは本番と同じ \`NODE_ENV=production\`（テンプレートのキャッシュ有効）で、クライアントと同じ Node プロセスの中で動かします（数字はやや控えめに出ます）。
  ただしログイン集中の測定では、ログインを送る側だけ別のプロセス（nice +10）です（ほかの端末からのログインに当たるため）。
  PGlite はクエリを Node のメインスレッドで実行するため、飽和させる測定（ログインの集中、50セッション）ではその間イベントループが止まり、応答時間にそのまま出ます。
- 機械が他の処理で混んでいると絶対値は大きくぶれます。各エンジンの節の最初に、実行時のロードアベレージを記録しています。
- ベンチ用アカウント（\`bench-staff\`、\`bench-staff-01\`〜\`50\`、\`bench-ward\`）は実行のたびに新しいランダムなパスワードで有効にし、終了時に停止します。
  市長申立てがないデータベースでは、最初に2,000件（10年度・5区、段階つき）を作ります（\`seeds/volume/petitions.ts\`）。
`;

/** Keeps the other engine's section: each run replaces only its own (and the method text above them). */
function replaceSection(existing: string, engine: string, body: string): string {
  const start = `<!-- engine:${engine} -->`;
  const end = `<!-- /engine:${engine} -->`;
  const block = `${start}\n${body}\n${end}`;
  const firstEngine = existing.indexOf('<!-- engine:');
  const base = HEADER + (firstEngine >= 0 ? `\n${existing.slice(firstEngine)}` : '');
  const i = base.indexOf(start);
  const j = base.indexOf(end);
  if (i >= 0 && j > i) return base.slice(0, i) + block + base.slice(j + end.length);
  return `${base.trimEnd()}\n\n${block}\n`;
}
