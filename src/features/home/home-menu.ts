/**
 * The home page's menu cards. Who sees a card is not written here: each card shows when its user
 * may open the route its link leads to (the access that route declares, through policy.ts can()),
 * and the 集計表 card names only the tables that user may open.
 */
import { RouteSpec } from '../../http/routes';
import { Access, can, Principal } from '../../policy';
import type { ReportDef } from '../../contracts';
import { canReadReport } from '../reports';

export interface MenuItem {
  href: string;
  label: string;
  /** What the card says; a function when it depends on what the user may open. */
  description: string | ((user: Principal, reports: readonly ReportDef[]) => string);
}

/** The tables this user may open, each subject once with its variants: 市長申立て件数の推移（区別・類型別）… */
export function reportsDescription(user: Principal, reports: readonly ReportDef[]): string {
  const subjects = new Map<string, string[]>();
  for (const def of reports.filter((d) => canReadReport(user, d))) {
    const m = /^(.*?)（(.*)）$/.exec(def.title);
    const [subject, variant] = m ? [m[1], m[2]] : [def.title, null];
    const variants = subjects.get(subject) ?? [];
    if (variant) variants.push(variant);
    subjects.set(subject, variants);
  }
  const names = [...subjects].map(([subject, variants]) => (variants.length ? `${subject}（${variants.join('・')}）` : subject));
  const annual = can(user, 'reports:annual') ? '、年報' : '';
  return `${names.join('、')}${annual}（HTML・CSV・Excel・PDF）`;
}

export const MENU: MenuItem[] = [
  { href: '/persons', label: '本人情報', description: '本人の検索・登録・編集、経過の確認と印刷、重複した記録の統合' },
  { href: '/reports', label: '集計表', description: reportsDescription },
  { href: '/consultations/import', label: '相談記録の取り込み', description: 'Excelの相談台帳（CSV）を確認してからまとめて登録' },
  { href: '/consultations', label: '相談記録', description: '相談の登録・検索・相談記録票の印刷' },
  { href: '/consultations/follow-ups', label: 'フォローアップ', description: 'フォローアップ日が来た相談の一覧と完了の記録' },
  { href: '/petitions', label: '市長申立て', description: '市長申立ての進行管理：段階の記録、親族調査、書類、停滞している申立ての確認' },
  { href: '/indicators', label: '成果指標', description: '成年後見制度利用者数・市民後見人の対応ケース数と計画値（直線）の比較、家庭裁判所の人数の入力' },
  { href: '/figures', label: '過年度実績', description: '記録を始める前の年度の実績（年度別の集計表に※印付きで表示）' },
  { href: '/petitions/import', label: '市長申立ての取り込み', description: '既存の市長申立て台帳（CSV）を確認してからまとめて登録（過去の段階は日付不明で記録）' },
  { href: '/meetings', label: '受任調整会議', description: '会議（開催日・場所・出席者・議事録）と検討案件（推薦・候補者・家裁への送付・選任）の記録、結果票と議事録のPDF、推薦の追随率' },
  { href: '/meetings/import', label: '受任調整会議の取り込み', description: '過去の受任調整会議の台帳（CSV、1行1件）を確認してからまとめて登録' },
  { href: '/subsidies', label: '報酬助成', description: '後見人等の報酬助成：申請の受付・審査・決定（承認・却下）・支払、上限額の計算、決定通知書の印刷' },
  { href: '/subsidies/import', label: '報酬助成の取り込み', description: '過去の報酬助成の台帳（CSV）を確認してからまとめて登録' },
  { href: '/guardians', label: '市民後見人', description: '市民後見人・養成講座受講者の名簿：状況（受講中〜バンク登録・協力員）、経歴、バンク登録（条件の確認）、受任したケース' },
  { href: '/guardians/courses', label: '養成講座', description: '市民後見人養成講座（年度ごと10日間）の日程、受講者、出欠（出席・欠席・補講）と修了の記録' },
  { href: '/guardians/followups', label: 'フォローアップ研修', description: 'フォローアップ研修の日程と受講者（延べ人数）' },
  { href: '/guardians/trainees/import', label: '市民後見人名簿の取り込み', description: '既存の受講者・バンク登録者の台帳（CSV）を確認してからまとめて登録' },
  { href: '/guardians/followups/import', label: 'フォローアップ研修の取り込み', description: 'フォローアップ研修の受講記録（CSV）を名簿の人と照合してまとめて登録' },
  { href: '/consultations/deleted', label: '削除された相談記録', description: '削除された相談記録の確認と復元' },
  { href: '/admin/users', label: 'ユーザー管理', description: 'ユーザーの作成・権限変更・停止・パスワード再設定' },
  { href: '/admin/masters', label: 'マスタ管理', description: '区・相談種別・紹介元機関・コード表・報酬助成上限額・設定値' },
  { href: '/admin/audit', label: '操作ログ', description: 'だれが・いつ・何をしたかの記録の閲覧とCSV出力' },
  { href: '/account/password', label: 'パスワード変更', description: '自分のパスワードを変更します' },
  { href: '/account/two-factor', label: '二段階認証', description: '認証アプリによる二段階認証（確認コード）の設定と回復コード' },
];

const segments = (path: string) => path.split('/').filter(Boolean);

/**
 * The access the GET route a link opens declares (undefined when no route takes it). A route
 * without parameters is preferred, as Express tries '/petitions/import' before '/petitions/:id' would.
 */
export function routeAccess(routes: readonly RouteSpec[], href: string): Access | undefined {
  const want = segments(href.split(/[?#]/)[0]);
  const matches = (route: RouteSpec) => {
    const have = segments(route.path);
    return route.method === 'get' && have.length === want.length && have.every((s, i) => s.startsWith(':') || s === want[i]);
  };
  const fixed = routes.find((r) => matches(r) && !r.path.includes(':'));
  return (fixed ?? routes.find(matches))?.access;
}

/** The cards this user may open, with their words for this user; `reports` is the registry's. */
export function menuFor(user: Principal, routes: readonly RouteSpec[], reports: readonly ReportDef[]): { href: string; label: string; description: string }[] {
  return MENU.filter((m) => {
    const access = routeAccess(routes, m.href);
    if (access === undefined || !can(user, access)) return false;
    // 集計表 opens for every reports:read role, but is empty for one that may read no table.
    return m.href !== '/reports' || reports.some((d) => canReadReport(user, d));
  }).map((m) => ({ href: m.href, label: m.label, description: typeof m.description === 'function' ? m.description(user, reports) : m.description }));
}
