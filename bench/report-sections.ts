import type { Latency } from './measure';
import type { LoginResult } from './login-burst';
import type { SessionsLoad } from './sessions-load';

export interface Row { name: string; l: Latency; ratio?: number; target?: string; ok?: boolean }
export interface TpRow { name: string; seconds: number; app: number; bare: number; errors: number; target?: number }

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '—');
const verdict = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? '達成' : '未達');
const errs = (l: Latency) => (l.errors ? `（エラー ${l.errors}）` : '');

export function latencyTable(rows: Row[]): string[] {
  return [
    '### 応答時間（等間隔の開ループ）',
    '',
    '| 測定 | 毎秒 | 件数 | 中央値 (ms) | p95 (ms) | 基準比（中央値） | 目標 | 判定 |',
    '|---|---:|---:|---:|---:|---:|---|---|',
    ...rows.map((r) => `| ${r.name}${errs(r.l)} | ${r.l.rate?.toFixed(1) ?? ''} | ${r.l.n} | ${ms(r.l.median)} | ${ms(r.l.p95)} | ${r.ratio === undefined ? '—' : x(r.ratio)} | ${r.target ?? ''} | ${verdict(r.ok)} |`),
    '',
  ];
}

export function throughputTable(rows: TpRow[]): string[] {
  return [
    '### スループット（autocannon、8接続）',
    '',
    '| 画面 | 秒数 | 素の Express + pg（基準） req/s | アプリ req/s | 比率 | 目標 | エラー・2xx以外 |',
    '|---|---:|---:|---:|---:|---|---:|',
    ...rows.map((r) => {
      const ratio = r.app / r.bare;
      const target = r.target === undefined ? '' : `≥ ${r.target}× ${verdict(ratio >= r.target)}`;
      return `| ${r.name} | ${r.seconds} | ${r.bare.toFixed(0)} | ${r.app.toFixed(0)} | ${x(ratio)} | ${target} | ${r.errors} |`;
    }),
    '',
  ];
}

export function loginSection(r: LoginResult): string[] {
  const p95Ratio = r.during.p95 / r.alone.p95;
  return [
    '### ログイン（argon2id は他の要求を止めないか）',
    '',
    `${r.probe}を毎秒${r.rate}件の等間隔で10秒ずつ、まず単独で、次に「${r.burstSize}件同時のログイン」を毎秒1回（前の回が1秒を超えたら終わりしだい）繰り返す間に測ります。`,
    'ログインを送るのは別のプロセスで、優先度を下げて（nice +10）動かします（ほかの端末からのログインの代わりなので、送る側の処理をアプリの応答時間に数えないため）。',
    'ログインするのは二要素認証の要らないセンター職員のベンチ用アカウントです（管理者・管理職は二要素認証が必須のため使いません）。',
    '',
    '| 測定 | 件数 | 中央値 (ms) | p95 (ms) | 基準比（中央値 / p95） | 目標 | 判定 |',
    '|---|---:|---:|---:|---:|---|---|',
    `| argon2id の照合のみ（基準、プロセス内） | ${r.argon2.n} | ${ms(r.argon2.median)} | ${ms(r.argon2.p95)} | — |  |  |`,
    `| ログイン 1件（GET /login と POST /login）${errs(r.login)} | ${r.login.n} | ${ms(r.login.median)} | ${ms(r.login.p95)} | ${x(r.login.median / r.argon2.median)} / ${x(r.login.p95 / r.argon2.p95)} |  |  |`,
    `| 一覧画面 単独（基準）${errs(r.alone)} | ${r.alone.n} | ${ms(r.alone.median)} | ${ms(r.alone.p95)} | — |  |  |`,
    `| 一覧画面 ログイン集中中${errs(r.during)} | ${r.during.n} | ${ms(r.during.median)} | ${ms(r.during.p95)} | ${x(r.during.median / r.alone.median)} / ${x(p95Ratio)} | p95 < 50 ms | ${verdict(r.during.p95 < 50 && r.during.errors === 0)} |`,
    `| 集中中のログイン 1件（${r.bursts}回 × ${r.burstSize}件） | ${r.burstLogins.n} | ${ms(r.burstLogins.median)} | ${ms(r.burstLogins.p95)} | ${x(r.burstLogins.median / r.login.median)} / ${x(r.burstLogins.p95 / r.login.p95)} |  |  |`,
    '',
    `${r.burstSize}件同時のログイン1回にかかった時間: 中央値 ${ms(r.burst.median)} ms、最大 ${ms(r.burst.p99)} ms。ログインの処理量: 毎秒 ${r.loginsPerSecond.toFixed(1)} 件、失敗 ${r.loginErrors} 件。`,
    `Node のイベントループの遅れ（p99 / 最大）: 単独時 ${ms(r.loopAlone.p99)} / ${ms(r.loopAlone.max)} ms、集中中 ${ms(r.loopDuring.p99)} / ${ms(r.loopDuring.max)} ms`,
    '（argon2id は専用のスレッド（コア数 − 1 本）で、優先度を下げて（nice +10）動きます。同時に進むログインは「スレッド数 + 1」件までで、残りはデータベースに触れる前に順番を待ちます）。',
    '',
  ];
}

export function sessionsSection(s: SessionsLoad, idle: Latency, removed: number): string[] {
  const { app, bare } = s;
  return [
    `### ${app.sessions}セッションの同時利用（${app.seconds}秒、autocannon）`,
    '',
    `ログイン済みのセンター職員 ${app.sessions} 人（別々のアカウント）が、それぞれ待ち時間なしで次の一巡を繰り返します: 相談一覧（年度・区、1回おきに相談方法でも絞り込み）→ 相談記録を開く →`,
    '本人を選んだ登録フォーム → CSRF トークン付きで登録（303）→ 本人ページ → 今年度の月別集計表。',
    `基準は同じ一巡を素の Express + pg のルート（同じクエリ・同じ操作ログの書き込み、JSON で応答）に同じ接続数で ${bare.seconds} 秒かけたものです。`,
    '',
    '| 手順 | 基準 中央値 (ms) | 基準 p95 (ms) | アプリ 件数 | アプリ 中央値 (ms) | アプリ p95 (ms) | アプリ p99 (ms) | 基準比（中央値） |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...app.steps.map((st, i) => {
      const b = bare.steps[i].l;
      return `| ${st.name} | ${ms(b.median)} | ${ms(b.p95)} | ${st.l.n} | ${ms(st.l.median)} | ${ms(st.l.p95)} | ${ms(st.l.p99)} | ${x(st.l.median / b.median)} |`;
    }),
    `| **全体** | ${ms(bare.all.median)} | ${ms(bare.all.p95)} | ${app.all.n} | ${ms(app.all.median)} | ${ms(app.all.p95)} | ${ms(app.all.p99)} | ${x(app.all.median / bare.all.median)} |`,
    '',
    '| 測定 | 基準 | アプリ | 比率 | 目標 | 判定 |',
    '|---|---:|---:|---:|---|---|',
    `| 要求 / 秒 | ${bare.requestsPerSecond.toFixed(0)} | ${app.requestsPerSecond.toFixed(0)} | ${x(app.requestsPerSecond / bare.requestsPerSecond)} |  |  |`,
    `| 一巡 / 秒 | ${bare.journeysPerSecond.toFixed(1)} | ${app.journeysPerSecond.toFixed(1)} | ${x(app.journeysPerSecond / bare.journeysPerSecond)} |  |  |`,
    `| エラー（接続・タイムアウト・想定外の状態コード） | ${bare.errors} | ${app.errors} |  | 0 | ${verdict(app.errors === 0)} |`,
    `| 負荷中の一覧画面（別セッション、毎秒${s.probeRate}件の等間隔）p95 ms — 基準は単独時 | ${ms(idle.p95)} | ${ms(s.probe.p95)} | ${x(s.probe.p95 / idle.p95)} |  |  |`,
    '',
    ...(app.errorSamples.length ? [`エラーの例: ${app.errorSamples.join('、')}`, ''] : []),
    `後片付け: ベンチ用アカウントが登録した相談記録 ${removed.toLocaleString('ja-JP')} 件は終了時に削除し、セッションを消してアカウントを停止しました。`,
    '操作ログ（閲覧・登録・ログインの記録）は追記専用の設計のため残ります（実行者はベンチ用アカウント、基準の分は request_id が `bench-baseline`）。',
    '',
  ];
}
